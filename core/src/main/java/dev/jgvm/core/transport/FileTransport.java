package dev.jgvm.core.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@code file:} URLs read from disk, so a local directory or a mounted share works as a mirror. */
final class FileTransport implements Transport {
    @Override public Response send(Request request) {
        Path p = Path.of(request.uri());
        try {
            if (request.method() == Method.HEAD) {
                if (!Files.isRegularFile(p)) throw TransportException.notFound(request.uri());
                return new Response(200, InputStream.nullInputStream(), Files.size(p), request.uri(), Map.of(), Optional.empty());
            }
            InputStream in = Files.newInputStream(p);
            long offset = Math.max(0, request.offset());
            in.skipNBytes(offset);
            return new Response(offset > 0 ? 206 : 200, in, Files.size(p) - offset, request.uri(), Map.of(), Optional.empty());
        } catch (NoSuchFileException e) {
            throw TransportException.notFound(request.uri());
        } catch (IOException e) {
            throw TransportException.network(request.uri(), e.getMessage(), false, e);
        }
    }
}
