package io.aether.api.platform.web;

import io.aether.api.platform.error.ErrorResponses;
import io.aether.api.platform.error.RefusedBodyException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies are UTF-8 (RFC 8259). Jackson would otherwise guess UTF-16 or UTF-32 from a
 * byte-order mark or from zero bytes, and decode other charsets named in Content-Type. The bytes
 * are checked as they are read: a malformed or overlong sequence, an encoded surrogate, a
 * UTF-16/32 byte-order mark (0xFE/0xFF never occur in UTF-8) or a NUL byte (never valid in JSON
 * text; UTF-16 text is full of them) makes the read fail, and the request answers 400. A
 * Content-Type that names another charset answers 415 at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class Utf8BodyFilter extends OncePerRequestFilter {
    private final ErrorResponses errors;

    public Utf8BodyFilter(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!namesUtf8OrNothing(request.getContentType())) {
            errors.write(
                    request,
                    response,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "Request bodies must be UTF-8: Content-Type names another charset");
            return;
        }
        chain.doFilter(new Utf8Request(request), response);
    }

    private static boolean namesUtf8OrNothing(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            Charset charset = MediaType.parseMediaType(contentType).getCharset();
            return charset == null || charset.equals(StandardCharsets.UTF_8);
        } catch (InvalidMediaTypeException e) {
            // Malformed, or an unknown charset: Spring MVC answers 415 for it.
            return true;
        }
    }

    private static final class Utf8Request extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        Utf8Request(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Utf8InputStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }
    }

    /** Checks UTF-8 as it passes (Unicode's table of well-formed byte sequences, 3-7). */
    static final class Utf8InputStream extends ServletInputStream {
        private final ServletInputStream delegate;
        /** Continuation bytes still expected in the current sequence. */
        private int pending;
        /** Allowed range of the next continuation byte (narrower right after some lead bytes). */
        private int low = 0x80;

        private int high = 0xBF;
        private long position;

        Utf8InputStream(ServletInputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b < 0) {
                end();
            } else {
                check(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n < 0) {
                end();
            }
            for (int i = 0; i < n; i++) {
                check(buffer[offset + i] & 0xFF);
            }
            return n;
        }

        private void check(int b) throws RefusedBodyException {
            if (pending > 0) {
                if (b < low || b > high) {
                    throw notUtf8();
                }
                low = 0x80;
                high = 0xBF;
                pending--;
            } else if (b == 0) {
                throw new RefusedBodyException("The request body contains a NUL byte; it must be UTF-8 JSON text");
            } else if (b >= 0xC2 && b <= 0xDF) {
                pending = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pending = 2;
                if (b == 0xE0) {
                    low = 0xA0;
                } else if (b == 0xED) {
                    // ED A0..BF would encode a UTF-16 surrogate.
                    high = 0x9F;
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                pending = 3;
                if (b == 0xF0) {
                    low = 0x90;
                } else if (b == 0xF4) {
                    high = 0x8F;
                }
            } else if (b >= 0x80) {
                throw notUtf8();
            }
            position++;
        }

        private void end() throws RefusedBodyException {
            if (pending > 0) {
                throw notUtf8();
            }
        }

        private RefusedBodyException notUtf8() {
            return new RefusedBodyException(
                    "The request body is not valid UTF-8 (at byte " + position + "); send JSON encoded as UTF-8");
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
