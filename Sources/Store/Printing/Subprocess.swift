import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What a program printed and how it ended.
public struct ProgramOutput: Equatable, Sendable {
  public var status: Int32
  public var out: String
  public var err: String
}

/// Runs a helper program (`lp`, `lpstat`, `fc-match`) directly — no shell, arguments as an array,
/// so nothing a clerk typed is ever parsed by a shell — and never with an elevated group: the
/// zwfw binary may be installed setgid to its data directory's group; the spawn happens under
/// `Privilege.withRealGroup`, and `POSIX_SPAWN_RESETIDS` resets the child's ids to the real ones.
public enum Subprocess {
  /// The program's full path when `name` is on `PATH` (or already a path that runs), else nil.
  public static func locate(_ name: String, searchPath: String? = nil) -> String? {
    if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
    let path =
      searchPath ?? ProcessInfo.processInfo.environment["PATH"]
      ?? "/usr/local/bin:/usr/bin:/bin"
    for dir in path.split(separator: ":") where !dir.isEmpty {
      let candidate = "\(dir)/\(name)"
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory),
        !isDirectory.boolValue, access(candidate, X_OK) == 0
      {
        return candidate
      }
    }
    return nil
  }

  public struct Failure: Error, Equatable {
    public let message: String
  }

  /// Runs `executable` with `arguments` to its end, `input` on its standard input, and stops it
  /// after `timeout` seconds: a CUPS client waiting on a scheduler that does not answer must not
  /// freeze the counter (the clerk is told, and the notice stays saved).
  /// - Parameter environment: changes to this process's environment for the child (`LC_ALL=C`
  ///   so messages can be read whatever the clerk's locale).
  public static func run(
    _ executable: String, _ arguments: [String], input: Data = Data(),
    environment: [String: String] = [:], timeout: Double = 30
  ) throws -> ProgramOutput {
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    let argv = [executable] + arguments
    let envp = env.map { "\($0.key)=\($0.value)" }

    var pipes: [[Int32]] = []
    for _ in 0..<3 {
      var fds: [Int32] = [0, 0]
      guard pipe(&fds) == 0 else { throw Failure(message: "无法创建管道") }
      pipes.append(fds)
    }
    defer { for p in pipes { for fd in p where fd >= 0 { close(fd) } } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipes[0][0], 0)
    posix_spawn_file_actions_adddup2(&actions, pipes[1][1], 1)
    posix_spawn_file_actions_adddup2(&actions, pipes[2][1], 2)
    for p in pipes { for fd in p { posix_spawn_file_actions_addclose(&actions, fd) } }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_RESETIDS))

    var pid: pid_t = 0
    let status = try Privilege.withRealGroup {
      withCStrings(argv) { cArgv in
        withCStrings(envp) { cEnv in
          posix_spawn(&pid, executable, &actions, &attributes, cArgv, cEnv)
        } ?? EINVAL
      } ?? EINVAL
    }
    guard status == 0 else {
      throw Failure(message: "无法运行 \(executable): \(String(cString: strerror(status)))")
    }
    // The parent keeps only its ends: the child's standard input sees end of file after
    // `input`, and reading its output ends when it exits.
    for (i, end) in [(0, 0), (1, 1), (2, 1)] {
      close(pipes[i][end])
      pipes[i][end] = -1
    }
    var ends = [pipes[0][1], pipes[1][0], pipes[2][0]]
    (pipes[0][1], pipes[1][0], pipes[2][0]) = (-1, -1, -1)
    defer { for fd in ends where fd >= 0 { close(fd) } }
    let exchanged = exchange(
      input: input, ends: &ends, deadline: Date().addingTimeInterval(timeout))
    var waitStatus: Int32 = 0
    if exchanged == nil { kill(pid, SIGKILL) }
    while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
    guard let (out, err) = exchanged else {
      let name = executable.split(separator: "/").last.map(String.init) ?? executable
      throw Failure(message: "\(name) 超过 \(Int(timeout)) 秒没有结束,已停止它")
    }
    // WIFEXITED / WEXITSTATUS, which Swift does not import as functions.
    let exited = waitStatus & 0x7F == 0
    return ProgramOutput(
      status: exited ? (waitStatus >> 8) & 0xFF : 128 + (waitStatus & 0x7F),
      out: String(decoding: out, as: UTF8.self), err: String(decoding: err, as: UTF8.self))
  }

  /// Writes `input` to `ends[0]` and reads `ends[1]` and `ends[2]` (the child's standard input,
  /// output and error) at once, so neither side waits on a full pipe, until both outputs end; nil
  /// when `deadline` passes first. Each descriptor is closed (and set to -1) once done with. A
  /// child that exits without reading its input must not end this process: SIGPIPE is blocked
  /// while writing and a pending one is taken back.
  static func exchange(input: Data, ends: inout [Int32], deadline: Date) -> (Data, Data)? {
    var outputs = [Data(), Data()]
    var offset = 0
    if input.isEmpty {
      close(ends[0])
      ends[0] = -1
    } else {
      _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
    }
    var block = sigset_t()
    var previous = sigset_t()
    sigemptyset(&block)
    sigaddset(&block, SIGPIPE)
    pthread_sigmask(SIG_BLOCK, &block, &previous)
    defer {
      var pending = sigset_t()
      sigpending(&pending)
      if sigismember(&pending, SIGPIPE) == 1 {
        var zero = timespec()
        _ = sigtimedwait(&block, nil, &zero)
      }
      pthread_sigmask(SIG_SETMASK, &previous, nil)
    }
    var buffer = [UInt8](repeating: 0, count: 65536)
    while ends[1] >= 0 || ends[2] >= 0 {
      let left = deadline.timeIntervalSinceNow
      if left <= 0 { return nil }
      var fds = [
        pollfd(fd: ends[0], events: Int16(POLLOUT), revents: 0),
        pollfd(fd: ends[1], events: Int16(POLLIN), revents: 0),
        pollfd(fd: ends[2], events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, nfds_t(fds.count), Int32(min(left * 1000 + 1, 1000)))
      if ready < 0 && errno != EINTR { return nil }
      if ready <= 0 { continue }
      if ends[0] >= 0, fds[0].revents != 0 {
        let fd = ends[0]
        let n = input.withUnsafeBytes { raw in
          raw.baseAddress.map { write(fd, $0 + offset, raw.count - offset) } ?? 0
        }
        if n > 0 { offset += n }
        if offset >= input.count || (n < 0 && errno != EAGAIN && errno != EINTR) {
          close(fd)
          ends[0] = -1
        }
      }
      for i in 1...2 where ends[i] >= 0 && fds[i].revents != 0 {
        let n = read(ends[i], &buffer, buffer.count)
        if n > 0 {
          outputs[i - 1].append(contentsOf: buffer[0..<n])
        } else if n == 0 || errno != EINTR {
          close(ends[i])
          ends[i] = -1
        }
      }
    }
    return (outputs[0], outputs[1])
  }

  static func withCStrings<R>(
    _ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R
  ) -> R? {
    // posix_spawn's argv and envp are `char *const[]`, ending with a null pointer (so the
    // buffer is never empty and always has a base address).
    let pointers = strings.map { strdup($0) } + [nil]
    defer { for p in pointers { free(p) } }
    return pointers.withUnsafeBufferPointer { $0.baseAddress.map(body) }
  }
}
