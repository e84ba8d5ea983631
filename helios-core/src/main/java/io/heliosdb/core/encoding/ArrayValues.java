package io.heliosdb.core.encoding;

import io.heliosdb.api.SqlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Row encoding of one-dimensional arrays: the element count, then per element a null flag byte and,
 * when not null, the element in its own type's row encoding.
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
            elements.add(in.read() == 0 ? null : RowCodec.readValue(in, elementType));
        }
        return Collections.unmodifiableList(elements);
    }
}
