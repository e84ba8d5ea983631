package io.heliosdb.core.encoding;

import io.heliosdb.api.SqlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Row encoding of arrays: the element count, then per element a flag byte (0 null, 1 value, 2 sub-array of
 * a multi-dimensional array) and the element in its own type's row encoding or the sub-array the same way.
 */
final class ArrayValues {

    private ArrayValues() {
    }

    static void write(ByteWriter out, SqlType type, List<?> elements) {
        SqlType elementType = type.elementType();
        out.writeVarLong(elements.size());
        for (Object e : elements) {
            if (e == null) {
                out.write(0);
            } else if (e instanceof List<?> sub) {
                // A sub-array of a multi-dimensional array, written the same way.
                out.write(2);
                write(out, type, sub);
            } else {
                out.write(1);
                RowCodec.writeValue(out, elementType, ValueCoercion.coerce(elementType, e));
            }
        }
    }

    static Object read(ByteReader in, SqlType type) {
        SqlType elementType = type.elementType();
        int count = in.readLength();
        List<Object> elements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int flag = in.read();
            elements.add(flag == 0 ? null : flag == 2 ? read(in, type) : RowCodec.readValue(in, elementType));
        }
        return Collections.unmodifiableList(elements);
    }
}
