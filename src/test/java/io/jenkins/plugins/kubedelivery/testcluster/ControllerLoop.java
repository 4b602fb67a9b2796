package io.jenkins.plugins.kubedelivery.testcluster;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the simulated controllers one after the other every tick, on one daemon thread. */
final class ControllerLoop {
    private static final long TICK_MILLIS = 100;

    /** One controller: reads the store and writes what a real controller would, once per tick. */
    interface Controller {
        void reconcile();
    }

    private final List<Controller> controllers;
    private ScheduledExecutorService executor;

    ControllerLoop(List<Controller> controllers) {
        this.controllers = List.copyOf(controllers);
    }

    void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "testcluster-controller");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::reconcileAll, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void reconcileAll() {
        for (Controller controller : controllers) {
            try {
                controller.reconcile();
            } catch (ApiException raced) {
                // A client changed an object meanwhile: the next tick sees the new state.
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        }
    }
}
