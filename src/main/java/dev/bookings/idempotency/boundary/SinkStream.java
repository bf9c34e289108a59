package dev.bookings.idempotency.boundary;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;

/** A blocking servlet output stream whose bytes go where its owner says: the answers held back before commit. */
final class SinkStream extends ServletOutputStream {

    /** Where the bytes go. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] b, int off, int len) throws IOException;
    }

    private final Sink sink;
    private final Sink flush;

    /** @param flush called (with no bytes) on {@link #flush()} */
    SinkStream(Sink sink, Sink flush) {
        this.sink = sink;
        this.flush = flush;
    }

    @Override
    public void write(int b) throws IOException {
        sink.write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        sink.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        flush.write(null, 0, 0);
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        throw new IllegalStateException("the answer is written blocking");
    }
}
