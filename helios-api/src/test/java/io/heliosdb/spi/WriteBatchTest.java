package io.heliosdb.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteBatchTest {

    @Test
    void twoPartPut_joinsForValue_keepsThePartsForEnginesThatCopyThem() {
        byte[] head = {1, 2};
        byte[] body = {3, 4, 5};
        WriteBatch batch = new WriteBatch().put("rows", new byte[] {9}, head, body).put("rows", new byte[] {8}, body)
                .delete("rows", new byte[] {7});

        WriteBatch.Op twoPart = batch.ops().get(0);
        assertThat(twoPart.value()).containsExactly(1, 2, 3, 4, 5);
        assertThat(twoPart.head()).isSameAs(head);
        assertThat(twoPart.body()).isSameAs(body);
        assertThat(twoPart.valueLength()).isEqualTo(5);
        assertThat(twoPart.isDelete()).isFalse();

        WriteBatch.Op plain = batch.ops().get(1);
        assertThat(plain.value()).isSameAs(body);
        assertThat(plain.head()).isNull();
        assertThat(plain.valueLength()).isEqualTo(3);

        WriteBatch.Op delete = batch.ops().get(2);
        assertThat(delete.isDelete()).isTrue();
        assertThat(delete.value()).isNull();
        assertThat(delete.valueLength()).isZero();
        assertThat(batch.byteSize()).isEqualTo(1 + 5 + 1 + 3 + 1);
    }
}
