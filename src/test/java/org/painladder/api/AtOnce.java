package org.painladder.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Sends requests as two people clicking at the same moment would: every request waits at a barrier until all are
 * ready, so they reach the service together rather than in the order the threads happened to start.
 */
public final class AtOnce {

    private AtOnce() {
    }

    /** Runs every request at once and answers what each returned, in the order given. */
    public static <T> List<T> send(List<Callable<T>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CyclicBarrier start = new CyclicBarrier(requests.size());
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (Callable<T> request : requests) {
                answers.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return request.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same request {@code times} times at once. */
    public static <T> List<T> send(int times, Callable<T> request) throws Exception {
        return send(Collections.nCopies(times, request));
    }
}
