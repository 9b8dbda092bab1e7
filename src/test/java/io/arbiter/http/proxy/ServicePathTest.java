package io.arbiter.http.proxy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServicePathTest {

    @Test
    void theFirstSegmentNamesTheServiceAndTheRestGoesToTheInstance() {
        assertThat(ServicePath.parse("/shop/kv/a?x=1")).contains(new ServicePath("shop", "/kv/a?x=1"));
        assertThat(ServicePath.parse("/shop")).contains(new ServicePath("shop", "/"));
        assertThat(ServicePath.parse("/shop/")).contains(new ServicePath("shop", "/"));
        assertThat(ServicePath.parse("/shop?x=1")).contains(new ServicePath("shop", "/?x=1"));
    }

    @Test
    void aPathWithoutAServiceNamesNone() {
        assertThat(ServicePath.parse("/")).isEmpty();
        assertThat(ServicePath.parse("//kv")).isEmpty();
        assertThat(ServicePath.parse("")).isEmpty();
    }
}
