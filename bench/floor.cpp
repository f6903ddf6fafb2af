// The floor of the benchmark: the least any program can spend to answer from a file. It starts as a C++
// program does (dynamic libstdc++, as simplan), reads the whole file named on the command line with
// read(2) in 64 KiB chunks, and exits 0. simplan's time and memory are reported as multiples of this.
//
//   g++ -O2 -o build/bench/floor bench/floor.cpp      (bench/run does this)
//   build/bench/floor FILE

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <vector>

int main(int argc, char** argv)
{
  if (argc != 2) {
    std::fputs("usage: floor FILE\n", stderr);
    return 2;
  }
  const int fd = open(argv[1], O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    std::perror(argv[1]);
    return 1;
  }
  std::vector<char> buffer(std::size_t{64} * 1024);  // from operator new: libstdc++ is loaded, as for simplan
  for (;;) {
    const ssize_t got = read(fd, buffer.data(), buffer.size());
    if (got == 0) {
      break;
    }
    if (got < 0 && errno != EINTR) {
      std::perror(argv[1]);
      return 1;
    }
  }
  close(fd);
  return 0;
}
