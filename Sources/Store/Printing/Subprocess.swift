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

  /// Runs `executable` with `arguments` to its end, `input` on its standard input. The CUPS
  /// clients print a few lines: both pipes are read after the input is written, which their
  /// buffers hold.
  /// - Parameter environment: changes to this process's environment for the child (`LC_ALL=C`
  ///   so messages can be read whatever the clerk's locale).
  public static func run(
    _ executable: String, _ arguments: [String], input: Data = Data(),
    environment: [String: String] = [:]
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
    input.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count, let base = raw.baseAddress {
        let n = write(pipes[0][1], base + offset, raw.count - offset)
        if n <= 0 { break }
        offset += n
      }
    }
    close(pipes[0][1])
    pipes[0][1] = -1
    let out = readAll(pipes[1][0])
    let err = readAll(pipes[2][0])
    var waitStatus: Int32 = 0
    while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
    // WIFEXITED / WEXITSTATUS, which Swift does not import as functions.
    let exited = waitStatus & 0x7F == 0
    return ProgramOutput(
      status: exited ? (waitStatus >> 8) & 0xFF : 128 + (waitStatus & 0x7F),
      out: String(decoding: out, as: UTF8.self), err: String(decoding: err, as: UTF8.self))
  }

  static func readAll(_ fd: Int32) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = read(fd, &buffer, buffer.count)
      if n > 0 {
        data.append(contentsOf: buffer[0..<n])
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        return data
      }
    }
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
