package io.aether.agents.chat;

import java.util.concurrent.Callable;

/**
 * Carries the calling thread's context (the request's correlation id, its principal) to the
 * threads a turn's tool calls run on, so that what a tool records belongs to the request. The api
 * module implements it; {@link #NONE} carries nothing.
 */
public interface ThreadContext {
    ThreadContext NONE = new ThreadContext() {
        @Override
        public <T> Callable<T> carry(Callable<T> task) {
            return task;
        }
    };

    /** Called on the calling thread: the task, to run elsewhere with this thread's context. */
    <T> Callable<T> carry(Callable<T> task);
}
