package io.tradingedu.backtesting.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {

    @Test
    void readsUpToTheLimitAndFailsBeyond() throws Exception {
        assertThat(new LimitedInputStream(new ByteArrayInputStream(new byte[10]), 10).readAllBytes()).hasSize(10);
        assertThatThrownBy(() -> new LimitedInputStream(new ByteArrayInputStream(new byte[11]), 10).readAllBytes())
                .isInstanceOf(UploadTooLargeException.class)
                .hasMessageContaining("limit of 10 bytes");
    }
}
