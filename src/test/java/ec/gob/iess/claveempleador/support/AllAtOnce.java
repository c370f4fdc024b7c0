package ec.gob.iess.claveempleador.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs calls on their own threads, released together by a barrier, as clients that press at the same moment. */
public final class AllAtOnce {

    private AllAtOnce() {
    }

    /** The same call {@code times} times at once; the results in order, or the failure of the first call that threw. */
    public static <T> List<T> times(int times, Callable<T> call) throws InterruptedException {
        return all(Collections.nCopies(times, call));
    }

    /** The calls at once; their results in order, or the failure of the first call that threw. */
    public static <T> List<T> all(List<Callable<T>> calls) throws InterruptedException {
        List<T> results = new ArrayList<>();
        for (Future<T> future : submit(calls)) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                throw new AssertionError("a call failed", e.getCause());
            }
        }
        return results;
    }

    /** The calls at once; what each gave, in order: its result or the exception it threw. */
    public static List<Object> outcomes(List<Callable<Object>> calls) throws InterruptedException {
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> future : submit(calls)) {
            try {
                outcomes.add(future.get());
            } catch (ExecutionException e) {
                outcomes.add(e.getCause());
            }
        }
        return outcomes;
    }

    private static <T> List<Future<T>> submit(List<Callable<T>> calls) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        CyclicBarrier start = new CyclicBarrier(calls.size());
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(threads.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return call.call();
            }));
        }
        threads.shutdown();
        if (!threads.awaitTermination(2, TimeUnit.MINUTES)) {
            threads.shutdownNow();
            throw new AssertionError("the calls did not finish within 2 minutes", new TimeoutException());
        }
        return futures;
    }
}
