/*
 * cpu-rounds ROUNDS PROG...: runs each PROG with the one argument "version", ROUNDS times, interleaved (the order
 * reversed every other round, after 20 warm-up rounds), and prints per PROG the median CPU time (user + system)
 * of its process in milliseconds, tab-separated. The CPU time comes from wait4's rusage of that very child, so
 * neither the harness nor other load on the machine is counted, and interleaving spreads any drift over all PROGs.
 * Used by bench/shim.sh; wall time of such short processes drifts by 20% between runs on a shared VM.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double ms(struct timeval t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; }

int main(int argc, char **argv) {
  if (argc < 3 || atoi(argv[1]) < 1) {
    fprintf(stderr, "usage: cpu-rounds ROUNDS PROG...\n");
    return 2;
  }
  int rounds = atoi(argv[1]), n = argc - 2;
  char **progs = argv + 2;
  double *cpu = calloc((size_t)rounds * n, sizeof *cpu);
  int devnull = open("/dev/null", O_WRONLY);
  if (cpu == NULL || devnull < 0) { perror("cpu-rounds"); return 1; }
  for (int r = -20; r < rounds; r++) {
    for (int k = 0; k < n; k++) {
      int i = (r & 1) ? n - 1 - k : k;
      pid_t pid = vfork();
      if (pid == 0) {
        dup2(devnull, 1);
        execl(progs[i], progs[i], "version", (char *)NULL);
        _exit(127);
      }
      int status;
      struct rusage ru;
      if (pid < 0 || wait4(pid, &status, 0, &ru) != pid) { perror("cpu-rounds"); return 1; }
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) { fprintf(stderr, "cpu-rounds: %s failed\n", progs[i]); return 1; }
      if (r >= 0) cpu[(size_t)i * rounds + r] = ms(ru.ru_utime) + ms(ru.ru_stime);
    }
  }
  for (int i = 0; i < n; i++) {
    double *t = cpu + (size_t)i * rounds;
    qsort(t, rounds, sizeof *t, by_value);
    printf("%s\t%.4f\n", progs[i], rounds % 2 ? t[rounds / 2] : (t[rounds / 2 - 1] + t[rounds / 2]) / 2);
  }
  return 0;
}
