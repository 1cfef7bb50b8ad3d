package io.aether.api.platform.background;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * One daemon thread per node that runs a loop for as long as the application runs: started
 * after the database and Axon, stopped before them. Subclasses write {@link #loop()}, check
 * {@link #running()} and wait with {@link #pause(Duration)}, which {@link #stop()} cuts short
 * (no sleeping thread holds up shutdown).
 */
public abstract class BackgroundLoop implements SmartLifecycle {
    private final String threadName;
    private final Object lifecycle = new Object();
    private volatile boolean running;
    private Thread thread;

    protected BackgroundLoop(String threadName) {
        this.threadName = threadName;
    }

    /** Runs until {@link #running()} is false; a failure it does not handle ends the thread. */
    protected abstract void loop();

    /** Called by {@link #stop()} before the thread is interrupted and joined. */
    protected void stopping() {}

    protected final boolean running() {
        return running;
    }

    /** Waits for the delay or until the loop is stopped; false when it was stopped. */
    protected final boolean pause(Duration delay) {
        synchronized (lifecycle) {
            try {
                if (running) {
                    lifecycle.wait(Math.max(1, delay.toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return running;
        }
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            running = true;
            thread = new Thread(this::loop, threadName);
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void stop() {
        Thread current;
        synchronized (lifecycle) {
            running = false;
            current = thread;
            thread = null;
            lifecycle.notifyAll();
        }
        stopping();
        if (current != null) {
            current.interrupt();
            try {
                current.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the database and Axon, stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
