/* Runs one command and reports its wall time and peak RSS: measure REPORT_FD PROGRAM [ARG...]
 *
 * Why a launcher: on Linux a child's ru_maxrss starts at its parent's RSS (fork copies the address space;
 * exec records the old one's peak), so a command started from the Python runner (about 10 MB) would never
 * measure below 10 MB, and the floor and simplan's small runs would be lost in it. This launcher is plain C
 * (about 1 MB, the RSS of /bin/true), so what it reports is the command's own peak.
 *
 * It starts PROGRAM with posix_spawnp (stdin, stdout and stderr inherited), waits for it with wait4(2), and
 * writes one line to file descriptor REPORT_FD, which the command does not inherit:
 *   "EXIT WALL_NS MAXRSS_KB\n"   EXIT is the exit status, or minus the signal that killed the command;
 *                                 WALL_NS is CLOCK_MONOTONIC from just before the spawn to the end of wait4.
 * Exits 0 when the report is written (whatever the command's status), 127 when PROGRAM cannot be started.
 *
 *   gcc -O2 -o build/bench/measure bench/measure.c      (bench/run does this)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

extern char** environ;

static long long nanoseconds(void)
{
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

int main(int argc, char** argv)
{
  if (argc < 3) {
    fputs("usage: measure REPORT_FD PROGRAM [ARG...]\n", stderr);
    return 2;
  }
  const int report_fd = atoi(argv[1]);
  FILE* report = fdopen(report_fd, "w");
  if (report == NULL || fcntl(report_fd, F_SETFD, FD_CLOEXEC) != 0) {
    perror("measure: report descriptor");
    return 2;
  }

  const long long start = nanoseconds();
  pid_t child = 0;
  const int error = posix_spawnp(&child, argv[2], NULL, NULL, argv + 2, environ);
  if (error != 0) {
    fprintf(stderr, "measure: cannot start %s: %s\n", argv[2], strerror(error));
    return 127;
  }
  int status = 0;
  struct rusage usage;
  while (wait4(child, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      perror("measure: wait4");
      return 2;
    }
  }
  const long long wall = nanoseconds() - start;

  const int exit_code = WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
  fprintf(report, "%d %lld %ld\n", exit_code, wall, usage.ru_maxrss);
  return fclose(report) == 0 ? 0 : 2;
}
