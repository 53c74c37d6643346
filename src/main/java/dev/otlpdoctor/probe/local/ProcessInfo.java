package dev.otlpdoctor.probe.local;

import java.util.List;
import java.util.Set;

/**
 * One process of this machine as /proc shows it.
 *
 * @param pid the process id
 * @param name the kernel's short name of the program ({@code Name:} of /proc/PID/status, at most 15 characters)
 * @param argv the command line, split at its NUL bytes; empty for kernel threads and zombies
 * @param uid the real user id
 * @param socketInodes inodes of the sockets it holds open, from its /proc/PID/fd links
 * @param fdsReadable whether its /proc/PID/fd could be read (other users' processes need root)
 */
public record ProcessInfo(int pid, String name, List<String> argv, int uid, Set<Long> socketInodes,
                          boolean fdsReadable) {
    public ProcessInfo {
        argv = List.copyOf(argv);
        socketInodes = Set.copyOf(socketInodes);
    }

    /** The program name: the file name of argv[0], else the kernel's short name. */
    public String program() {
        if (argv.isEmpty() || argv.get(0).isEmpty()) {
            return name;
        }
        String first = argv.get(0);
        return first.substring(first.lastIndexOf('/') + 1);
    }
}
