package io.aether.api.platform.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import io.aether.api.platform.error.RefusedBodyException;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Parsers that refuse, token by token and whatever type a value is read into (record fields,
 * free-form {@code trigger} trees, map keys), what the service could store but never read back:
 * strings with a lone UTF-16 surrogate and numbers that overflow a double to infinity.
 */
class StrictJsonFactory extends JsonFactory {

    StrictJsonFactory() {}

    private StrictJsonFactory(StrictJsonFactory source, ObjectCodec codec) {
        super(source, codec);
    }

    @Override
    public JsonFactory copy() {
        return new StrictJsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        return new StrictParser(super._createParser(in, context));
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new StrictParser(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return new StrictParser(super._createParser(data, offset, length, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return new StrictParser(super._createParser(data, offset, length, context));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
        return new StrictParser(super._createParser(input, context));
    }

    /** Every other {@code next...} method of {@link JsonParser} goes through {@link #nextToken()}. */
    private static final class StrictParser extends JsonParserDelegate {

        StrictParser(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return check(delegate.nextToken());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            return check(delegate.nextValue());
        }

        private JsonToken check(JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                int at = UnicodeText.loneSurrogateAt(
                        delegate.getTextCharacters(), delegate.getTextOffset(), delegate.getTextLength());
                if (at >= 0) {
                    char surrogate = delegate.getTextCharacters()[delegate.getTextOffset() + at];
                    // A key's own path would repeat the key: name the object it is in instead.
                    throw token == JsonToken.FIELD_NAME
                            ? new RefusedBodyException(
                                    "A key" + where(delegate.getParsingContext().getParent()) + " contains "
                                            + UnicodeText.describe(surrogate))
                            : new RefusedBodyException("Text" + where(delegate.getParsingContext()) + " contains "
                                    + UnicodeText.describe(surrogate));
                }
            } else if (token == JsonToken.VALUE_NUMBER_FLOAT && Double.isInfinite(delegate.getDoubleValue())) {
                throw new RefusedBodyException("The number" + where(delegate.getParsingContext())
                        + " is too large; numbers must fit a double");
            }
            return token;
        }

        private static String where(JsonStreamContext context) {
            String pointer = context == null ? "" : context.pathAsPointer().toString();
            if (pointer.length() > 200) {
                int cut = Character.isHighSurrogate(pointer.charAt(199)) ? 199 : 200;
                pointer = pointer.substring(0, cut) + "...";
            }
            return pointer.isEmpty() ? "" : " at '" + pointer + "'";
        }
    }
}
