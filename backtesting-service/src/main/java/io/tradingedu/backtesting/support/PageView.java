package io.tradingedu.backtesting.support;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of a list, with the total so clients can page through. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
    }
}
