package io.aether.domain.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The config versions or the prompt versions of one agent, as folded from its events.
 *
 * @param versions   every version not discarded, by number
 * @param lastNumber the highest number ever given (discarded drafts included), so numbers are not reused
 * @param lastSemver the semver of the latest promotion (null before the first): the next promotion bumps it
 * @param activeLine the numbers of the versions that led to the active one, oldest first; the last is
 *                   active. A promotion adds one; a rollback goes back along it (or, to a version that was
 *                   active once but is not on it, adds that one), so repeated rollbacks walk further back.
 * @param <C>        {@link ConfigContent} or {@link PromptContent}
 */
public record VersionLine<C>(
        List<AgentVersion<C>> versions, int lastNumber, String lastSemver, List<Integer> activeLine) {

    public VersionLine {
        versions = List.copyOf(versions);
        activeLine = List.copyOf(activeLine);
    }

    public static <C> VersionLine<C> empty() {
        return new VersionLine<>(List.of(), 0, null, List.of());
    }

    public Optional<AgentVersion<C>> draft() {
        return versions.stream().filter(v -> v.status() == VersionStatus.DRAFT).findFirst();
    }

    public Optional<AgentVersion<C>> active() {
        return versions.stream().filter(v -> v.status() == VersionStatus.ACTIVE).findFirst();
    }

    public Optional<AgentVersion<C>> byId(UUID id) {
        return versions.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    public Optional<AgentVersion<C>> byNumber(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /** The semver the next promotion gets with this bump. */
    public String nextSemver(BumpType bump) {
        return bump.bump(lastSemver);
    }

    /**
     * The number of the version a rollback makes active: the one before the active one on the
     * active line, or {@code toVersion}. Refused (409) when nothing is earlier, when
     * {@code toVersion} was never active, or when it is active already.
     */
    public int rollbackTarget(Integer toVersion, String what) {
        if (toVersion == null) {
            if (activeLine.size() < 2) {
                throw new IllegalAgentTransitionException(
                        activeLine.isEmpty()
                                ? "Cannot roll back the " + what + ": no version was ever promoted"
                                : "Cannot roll back the " + what + ": nothing earlier than version " + activeLine.get(0)
                                        + " was active");
            }
            return activeLine.get(activeLine.size() - 2);
        }
        Optional<AgentVersion<C>> target = byNumber(toVersion);
        if (target.isEmpty() || !target.get().everActive()) {
            throw new IllegalAgentTransitionException(
                    "Cannot roll back the " + what + " to version " + toVersion + ": that version was never active");
        }
        if (target.get().status() == VersionStatus.ACTIVE) {
            throw new IllegalAgentTransitionException(
                    "Cannot roll back the " + what + " to version " + toVersion + ": it is the active version");
        }
        return toVersion;
    }

    VersionLine<C> withDraft(AgentVersion<C> draft) {
        List<AgentVersion<C>> next = new ArrayList<>(versions);
        next.add(draft);
        return new VersionLine<>(next, Math.max(lastNumber, draft.number()), lastSemver, activeLine);
    }

    VersionLine<C> edited(UUID id, C content, String changeSummary, Instant at) {
        return replace(id, v -> v.edited(content, changeSummary, at));
    }

    VersionLine<C> without(UUID id) {
        List<AgentVersion<C>> next =
                versions.stream().filter(v -> !v.id().equals(id)).toList();
        return new VersionLine<>(next, lastNumber, lastSemver, activeLine);
    }

    VersionLine<C> promoted(UUID id, String semver, BumpType bump, Instant at) {
        List<AgentVersion<C>> next = new ArrayList<>();
        int number = -1;
        for (AgentVersion<C> v : versions) {
            if (v.id().equals(id)) {
                AgentVersion<C> p = v.promoted(semver, bump, at);
                number = p.number();
                next.add(p);
            } else if (v.status() == VersionStatus.ACTIVE) {
                next.add(v.withStatus(VersionStatus.ARCHIVED, at));
            } else {
                next.add(v);
            }
        }
        if (number < 0) {
            throw new IllegalStateException("promoted version " + id + " is not in the line");
        }
        List<Integer> line = new ArrayList<>(activeLine);
        line.add(number);
        return new VersionLine<>(next, lastNumber, semver, line);
    }

    VersionLine<C> rolledBackTo(int number, Instant at) {
        List<AgentVersion<C>> next = new ArrayList<>();
        for (AgentVersion<C> v : versions) {
            if (v.number() == number) {
                next.add(v.withStatus(VersionStatus.ACTIVE, at));
            } else if (v.status() == VersionStatus.ACTIVE) {
                next.add(v.withStatus(VersionStatus.ARCHIVED, at));
            } else {
                next.add(v);
            }
        }
        List<Integer> line = new ArrayList<>(activeLine);
        int index = line.lastIndexOf(number);
        if (index >= 0) {
            line = new ArrayList<>(line.subList(0, index + 1));
        } else {
            line.add(number);
        }
        return new VersionLine<>(next, lastNumber, lastSemver, line);
    }

    private VersionLine<C> replace(UUID id, UnaryOperator<AgentVersion<C>> change) {
        List<AgentVersion<C>> next = versions.stream()
                .map(v -> Objects.equals(v.id(), id) ? change.apply(v) : v)
                .toList();
        return new VersionLine<>(next, lastNumber, lastSemver, activeLine);
    }
}
