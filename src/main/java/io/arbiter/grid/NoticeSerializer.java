package io.arbiter.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.arbiter.domain.Notice;

/** Compact form of a {@link Notice}. */
final class NoticeSerializer implements CompactSerializer<Notice> {

    @Override
    public Notice read(CompactReader in) {
        return new Notice(in.readString("noticeId"), in.readString("platformId"), in.readString("kind"),
                CompactFields.readInstant(in, "at"), in.readString("message"));
    }

    @Override
    public void write(CompactWriter out, Notice n) {
        out.writeString("noticeId", n.noticeId());
        out.writeString("platformId", n.platformId());
        out.writeString("kind", n.kind());
        CompactFields.writeInstant(out, "at", n.at());
        out.writeString("message", n.message());
    }

    @Override
    public String getTypeName() {
        return "arbiter.Notice";
    }

    @Override
    public Class<Notice> getCompactClass() {
        return Notice.class;
    }
}
