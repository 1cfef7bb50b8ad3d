package io.aether.api.chat;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.aether.agents.chat.AgentRouter;
import io.aether.agents.chat.AgentSetup;
import io.aether.agents.llm.LlmSettings;
import io.aether.api.platform.error.ApiException;
import io.aether.api.proposal.ProposalEdits;
import io.aether.api.proposal.ProposalService;
import io.aether.domain.ErrorKind;
import io.aether.domain.actor.Actor;
import io.aether.domain.proposal.ProposalContent;
import io.aether.domain.proposal.ProposalStatus;
import io.aether.domain.proposal.ProposalView;
import io.aether.domain.proposal.ReviseProposal;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * {@code POST /proposals/{id}/refine}: the architect's model revises a proposed proposal's YAML
 * after a person's feedback, and the revision is recorded on the same proposal
 * ({@code ProposalRevised}, as an edit of its YAML), only while it is {@code proposed}. Needs a
 * language model: with provider {@code none} it answers 501.
 */
@Service
public class ProposalRefinement {
    private static final Pattern FENCED = Pattern.compile("(?s)```(?:ya?ml)?\\s*\\n(.*?)```");
    private static final String INSTRUCTIONS = """
            You revise Home Assistant changes that Aether proposes. You get a proposal as YAML and a person's
            feedback. Answer with the complete revised YAML only, in one ```yaml block, keeping the same kind
            of change (automation, script, scene, helper, dashboard or service call). Nothing else.""";

    private final ProposalService proposals;
    private final ProposalEdits edits;
    private final ChatAgents agents;
    private final ChatModelSource models;
    private final LlmSettings settings;

    public ProposalRefinement(
            ProposalService proposals,
            ProposalEdits edits,
            ChatAgents agents,
            ChatModelSource models,
            LlmSettings settings) {
        this.proposals = proposals;
        this.edits = edits;
        this.agents = agents;
        this.models = models;
        this.settings = settings;
    }

    public record Refined(ProposalView before, ProposalView after, List<String> changedFields) {}

    public Refined refine(UUID id, String feedback, Actor actor) {
        ProposalView view = proposals.get(id);
        if (view.status() != ProposalStatus.PROPOSED) {
            throw new ApiException(
                    ErrorKind.CONFLICT,
                    "Cannot refine a proposal in status '" + view.status().wire()
                            + "'; only 'proposed' proposals can be refined");
        }
        if (!settings.configured()) {
            throw new ApiException(
                    ErrorKind.NOT_CONFIGURED,
                    "Refining a proposal needs a language model (AETHER_LLM_PROVIDER is none); edit its YAML with "
                            + "PATCH /proposals/{id}/yaml instead");
        }
        AgentSetup architect = agents.find(AgentRouter.ARCHITECT).orElseThrow();
        String current = proposals.yamlContent(view);
        ChatResponse response;
        try {
            response = models.model(architect)
                    .chat(ChatRequest.builder()
                            .messages(
                                    SystemMessage.from(INSTRUCTIONS),
                                    UserMessage.from("Proposal type: "
                                            + view.proposalType().wire()
                                            + "\n\nCurrent YAML:\n```yaml\n" + current + "\n```\n\nFeedback: "
                                            + feedback))
                            .build());
        } catch (RuntimeException e) {
            throw ChatCompletions.upstream(e);
        }
        String answer =
                response.aiMessage() == null ? null : response.aiMessage().text();
        String revised = yamlOf(answer);
        if (revised == null) {
            throw new ApiException(
                    ErrorKind.UPSTREAM, "llm_error", "The language model answered no YAML for the revised proposal");
        }
        ProposalContent content;
        try {
            content = edits.edited(view, revised);
        } catch (RuntimeException e) {
            if (e instanceof ErrorKind.Carrier c && c.kind() == ErrorKind.VALIDATION) {
                throw new ApiException(
                        ErrorKind.UPSTREAM,
                        "llm_error",
                        "The language model's revision is not a valid proposal: " + e.getMessage());
            }
            throw e;
        }
        ProposalView after = proposals.change(new ReviseProposal(id, content, actor, null));
        return new Refined(view, after, ProposalEdits.changedFields(view, after));
    }

    static String yamlOf(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        Matcher m = FENCED.matcher(answer);
        String text = m.find() ? m.group(1) : answer;
        return text.isBlank() ? null : text.strip();
    }
}
