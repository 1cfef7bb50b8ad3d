package io.aether.agents.offline;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.List;

/**
 * The {@link OfflineChatModel}'s answer, streamed: the text in word chunks (each word with the
 * space after it, so the chunks concatenate to the text), tool calls as complete tool calls, then
 * the same {@link ChatResponse}. Runs on the caller's thread. A cancel through the streaming handle
 * stops it before the next chunk, with no complete response.
 */
public class OfflineStreamingChatModel implements StreamingChatModel {
    private final OfflineChatModel model;

    public OfflineStreamingChatModel(HomeView home) {
        this.model = new OfflineChatModel(home);
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        ChatResponse response;
        try {
            response = model.doChat(request);
        } catch (RuntimeException e) {
            handler.onError(e);
            return;
        }
        Handle handle = new Handle();
        String text = response.aiMessage().text();
        if (text != null) {
            for (String chunk : chunks(text)) {
                if (handle.isCancelled()) {
                    return;
                }
                handler.onPartialResponse(new PartialResponse(chunk), new PartialResponseContext(handle));
            }
        }
        List<ToolExecutionRequest> calls = response.aiMessage().toolExecutionRequests();
        for (int i = 0; i < calls.size(); i++) {
            handler.onCompleteToolCall(new CompleteToolCall(i, calls.get(i)));
        }
        if (!handle.isCancelled()) {
            handler.onCompleteResponse(response);
        }
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OTHER;
    }

    /** "Hall light is off." → "Hall ", "light ", "is ", "off.". */
    static List<String> chunks(String text) {
        return List.of(text.split("(?<=\\s)(?=\\S)"));
    }

    private static final class Handle implements StreamingHandle {
        private volatile boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
