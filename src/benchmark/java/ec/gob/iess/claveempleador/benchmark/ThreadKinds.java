package ec.gob.iess.claveempleador.benchmark;

/** Groups the child's threads (by their Linux names, at most 15 characters) into the parts of the server they serve. */
final class ThreadKinds {

    private ThreadKinds() {
    }

    static String of(String name) {
        if (name.startsWith("http-nio") || name.startsWith("https-jsse")) {
            return "request threads (Tomcat)";
        }
        if (name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM Periodic")) {
            return "garbage collector";
        }
        if (name.startsWith("C1 ") || name.startsWith("C2 ") || name.startsWith("Sweeper")) {
            return "JIT compiler";
        }
        if (name.startsWith("camunda") || name.startsWith("pool-") || name.startsWith("JobExecutor") || name.startsWith("task-")) {
            return "job executor (mail jobs, timers)";
        }
        if (name.startsWith("H2 ") || name.startsWith("Generate Seed")) {
            return "H2 background";
        }
        if (name.startsWith("HikariPool") || name.startsWith("housekeeper")) {
            return "connection pool";
        }
        if (name.equals("VM Thread")) {
            return "VM thread (safepoints)";
        }
        return "other (" + name.replaceAll("[-#\\d]+$", "") + ")";
    }
}
