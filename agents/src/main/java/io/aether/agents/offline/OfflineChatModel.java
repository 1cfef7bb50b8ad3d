package io.aether.agents.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.aether.agents.offline.OfflineEngine.Reply;
import io.aether.domain.proposal.ProposalType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LangChain4j's {@link ChatModel} over the {@link OfflineEngine}, for {@code AETHER_LLM_PROVIDER=none}.
 *
 * <p>A turn ending in a user message is answered from its text: a text answer, or, for a change,
 * a tool execution request for {@value #SEEK_APPROVAL} with the proposal as JSON arguments (only
 * when the request offers that tool; otherwise the change is described in words). A turn ending
 * in tool results is answered with a confirmation quoting the proposal id. The model reports zero
 * tokens: nothing is sent anywhere.
 */
public class OfflineChatModel implements ChatModel {
    public static final String MODEL_NAME = "aether-offline";
    public static final String SEEK_APPROVAL = "seek_approval";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int QUOTED_RESULT = 300;

    private final OfflineEngine engine;

    public OfflineChatModel(HomeView home) {
        this.engine = new OfflineEngine(home);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        ChatMessage last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        if (last instanceof ToolExecutionResultMessage) {
            return text(confirmation(messages));
        }
        String sentence = lastUserText(messages);
        Reply reply = engine.answer(sentence == null ? "" : sentence);
        if (!reply.isProposal()) {
            return text(reply.text());
        }
        String arguments = json(reply.arguments());
        if (!offers(request, SEEK_APPROVAL)) {
            return text(describe(reply, arguments));
        }
        ToolExecutionRequest call = ToolExecutionRequest.builder()
                .id("call_"
                        + UUID.nameUUIDFromBytes((messages.size() + ":" + arguments).getBytes(StandardCharsets.UTF_8))
                                .toString()
                                .replace("-", "")
                                .substring(0, 24))
                .name(SEEK_APPROVAL)
                .arguments(arguments)
                .build();
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(List.of(call)))
                .modelName(MODEL_NAME)
                .tokenUsage(new TokenUsage(0, 0))
                .finishReason(FinishReason.TOOL_EXECUTION)
                .build();
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OTHER;
    }

    private static ChatResponse text(String text) {
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(text))
                .modelName(MODEL_NAME)
                .tokenUsage(new TokenUsage(0, 0))
                .finishReason(FinishReason.STOP)
                .build();
    }

    private static boolean offers(ChatRequest request, String tool) {
        List<ToolSpecification> tools = request.toolSpecifications();
        return tools != null && tools.stream().anyMatch(t -> tool.equals(t.name()));
    }

    private static String lastUserText(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage user) {
                if (user.hasSingleText()) {
                    return user.singleText();
                }
                StringBuilder b = new StringBuilder();
                for (Content c : user.contents()) {
                    if (c instanceof TextContent t) {
                        b.append(b.isEmpty() ? "" : " ").append(t.text());
                    }
                }
                return b.toString();
            }
        }
        return null;
    }

    /** The change in words, when the approval tool is not offered. */
    private static String describe(Reply reply, String arguments) {
        Map<String, Object> a = reply.arguments();
        StringBuilder b = new StringBuilder("I understood this as a change: ")
                .append(reply.title())
                .append(". ");
        if (ProposalType.AUTOMATION.wire().equals(a.get("proposal_type"))) {
            b.append("As a Home Assistant automation: ")
                    .append(json(a.get("config")))
                    .append(". ");
        } else {
            b.append("As a service call: ").append(json(a.get("service_call"))).append(". ");
        }
        return b.append("I cannot propose it here because the ")
                .append(SEEK_APPROVAL)
                .append(" tool is not available in this conversation, so nothing was changed.")
                .toString();
    }

    /** The answer to the tool results at the end of the turn. */
    private static String confirmation(List<ChatMessage> messages) {
        List<String> parts = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0 && messages.get(i) instanceof ToolExecutionResultMessage; i--) {
            parts.add(0, confirmation((ToolExecutionResultMessage) messages.get(i), messages));
        }
        return String.join(" ", parts);
    }

    private static String confirmation(ToolExecutionResultMessage result, List<ChatMessage> messages) {
        String title = titleOf(result.id(), messages);
        String what = title == null ? "the change" : "\"" + title + "\"";
        String text = result.text() == null ? "" : result.text();
        JsonNode node = parse(text);
        String error = errorOf(node);
        if (Boolean.TRUE.equals(result.isError()) || error != null) {
            return "I could not propose " + what + ": " + (error != null ? error : quote(text)) + ".";
        }
        if (!SEEK_APPROVAL.equals(result.toolName())) {
            return "The tool " + result.toolName() + " answered: " + quote(text) + ".";
        }
        String id = proposalId(node, text);
        if (id == null) {
            return "I submitted " + what + " for approval; the approval tool answered: " + quote(text) + ".";
        }
        return "I proposed " + what + " for your approval as proposal " + id
                + ". Nothing changes in your home until it is approved.";
    }

    /** The title in the seek_approval arguments that produced this result, or null. */
    private static String titleOf(String callId, List<ChatMessage> messages) {
        for (ChatMessage m : messages) {
            if (m instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
                for (ToolExecutionRequest r : ai.toolExecutionRequests()) {
                    if (r.id() != null && r.id().equals(callId)) {
                        JsonNode args = parse(r.arguments());
                        return args != null && args.hasNonNull("title")
                                ? args.get("title").asText()
                                : null;
                    }
                }
            }
        }
        return null;
    }

    private static String errorOf(JsonNode node) {
        if (node == null || !node.isObject() || !node.has("error")) {
            return null;
        }
        JsonNode e = node.get("error");
        if (e.isObject()) {
            return e.hasNonNull("message") ? e.get("message").asText() : e.toString();
        }
        return e.isNull() ? null : e.asText();
    }

    private static String proposalId(JsonNode node, String text) {
        if (node != null && node.isObject()) {
            for (String field : List.of("proposal_id", "id")) {
                if (node.hasNonNull(field) && node.get(field).isValueNode()) {
                    return node.get(field).asText();
                }
            }
            JsonNode proposal = node.get("proposal");
            if (proposal != null && proposal.hasNonNull("id")) {
                return proposal.get("id").asText();
            }
        }
        Matcher m = UUID_TEXT.matcher(text);
        return m.find() ? m.group() : null;
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String quote(String text) {
        String t = text.strip();
        return "\"" + (t.length() > QUOTED_RESULT ? t.substring(0, QUOTED_RESULT) + "…" : t) + "\"";
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("proposal arguments are plain maps and lists", e);
        }
    }
}
