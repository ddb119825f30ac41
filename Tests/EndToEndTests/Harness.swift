import Foundation
import TestSupport
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// The built `zwfw` binary, beside this test bundle in the build products directory.
enum Zwfw {
  static let path: String = {
    if let p = ProcessInfo.processInfo.environment["ZWFW_BIN"] { return p }
    let bundle = URL(
      fileURLWithPath: CommandLine.arguments.first { $0.contains(".xctest") }
        ?? CommandLine.arguments[0])
    var dir = bundle.deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("zwfw").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      dir.deleteLastPathComponent()
    }
    return Bundle.main.bundleURL.appendingPathComponent("zwfw").path
  }()

  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  struct Result {
    var status: Int32
    var out: String
    var err: String
  }

  /// Runs `zwfw` with the arguments; the environment is minimal and explicit.
  @discardableResult
  static func run(_ args: [String], home: URL, extraEnv: [String: String] = [:]) throws -> Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    var env = ["HOME": home.path, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
    for (k, v) in extraEnv { env[k] = v }
    p.environment = env
    p.currentDirectoryURL = home
    return try collect(p)
  }

  /// Runs the process to its end with no input, collecting its output and status.
  static func collect(_ p: Process) throws -> Result {
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(
      status: p.terminationStatus, out: String(decoding: o, as: UTF8.self),
      err: String(decoding: e, as: UTF8.self))
  }
}

func temporaryDirectory() -> URL { Scratch.directory("e2e") }

/// The workstation running in a detached tmux session on a private server socket.
final class Tmux {
  let socket = "zwfw-\(UUID().uuidString.prefix(8))"
  let statusFile: URL

  init(width: Int, height: Int, arguments: [String], home: URL, env: [String: String] = [:]) throws
  {
    statusFile = home.appendingPathComponent("exit-status")
    var envs = ["HOME=\(home.path)", "LANG=C.UTF-8", "TERM=xterm-256color"]
    for (k, v) in env { envs.append("\(k)=\(v)") }
    let quoted = ([Zwfw.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    let command =
      "env \(envs.map { "'\($0)'" }.joined(separator: " ")) \(quoted); echo $? > '\(statusFile.path)'; sleep 600"
    // The server this starts would inherit a captured stdout pipe and hold it open forever.
    try tmux(
      ["new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", command],
      capture: false)
  }

  deinit { _ = try? tmux(["kill-server"], capture: false) }

  /// Runs tmux with posix_spawn and waitpid. Foundation's `Process` waits for an internal pipe
  /// the tmux server (a daemon forked by the first client) inherits and never closes.
  @discardableResult
  func tmux(_ args: [String], capture: Bool = true) throws -> String {
    let argv = ["tmux", "-L", socket, "-f", "/dev/null"] + args
    let outPath = FileManager.default.temporaryDirectory.appendingPathComponent(
      "zwfw-tmux-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: outPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 1, capture ? outPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var cargs = argv.map { strdup($0) }
    cargs.append(nil)
    defer { for a in cargs { free(a) } }
    var pid: pid_t = 0
    let rc = posix_spawnp(&pid, "tmux", &actions, nil, cargs, environ)
    guard rc == 0 else { throw NSError(domain: "tmux", code: Int(rc)) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    guard capture else { return "" }
    return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
  }

  /// Sends tmux key names (`Enter`, `PageDown`, `C-u`, `F10`).
  func keys(_ names: String...) throws {
    for n in names {
      try tmux(["send-keys", "-t", "main", n])
      Thread.sleep(forTimeInterval: 0.05)
    }
  }

  /// Types literal text (Chinese included), as an input method would deliver it.
  func type(_ text: String) throws {
    try tmux(["send-keys", "-t", "main", "-l", text])
    Thread.sleep(forTimeInterval: 0.05)
  }

  /// Sends raw bytes, as a terminal would (`"1b 5b 31 7e"`: PuTTY's Home), in one write.
  func bytes(_ hex: String) throws {
    try tmux(["send-keys", "-t", "main", "-H"] + hex.split(separator: " ").map(String.init))
    Thread.sleep(forTimeInterval: 0.05)
  }

  func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "main"]) }

  /// Waits until the screen contains the text; fails the test with the screen if it never does.
  @discardableResult
  func waitFor(
    _ text: String, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line
  ) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if last.contains(text) { return last }
      Thread.sleep(forTimeInterval: 0.1)
    }
    XCTFail("screen never showed「\(text)」; it shows:\n\(last)", file: file, line: line)
    return last
  }

  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
  }

  /// The workstation's exit status once it has quit.
  func exitStatus(timeout: TimeInterval = 10) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let text = try? String(contentsOf: statusFile, encoding: .utf8),
        let n = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return n
      }
      Thread.sleep(forTimeInterval: 0.1)
    }
    return nil
  }

  /// The digit that jumps to a pane, read from the left pane list.
  func paneDigit(_ title: String) throws -> String? {
    for l in try screen().split(separator: "\n") {
      let t = l.trimmingCharacters(in: .whitespaces)
      if let r = t.range(of: title),
        let d = t[..<r.lowerBound].trimmingCharacters(in: .whitespaces).last,
        d.isNumber
      {
        return String(d)
      }
    }
    return nil
  }
}

extension Tmux {
  /// 受理登记 in the demo: 张三's walk-in for 个体工商户设立登记 without the lease, up to the
  /// one-time notice form (F5 there issues it).
  func walkInWithoutTheLease() throws {
    try keys("F2")
    try waitFor("选择事项")
    try type("个体工商户设立")
    try waitFor("SCJG-DJ-001")
    try keys("Enter")
    try waitFor("新建申请")
    try type("张三")
    try keys("Tab")
    try type("620402199001010018")
    try waitFor("校验通过")
    try keys("Tab")
    try type("13809431234")
    // The lease: 未核 → 已收 → 缺. The others stay 未核 until F5 asks about them, once.
    // channel, note, 办理方式, 特殊群体, then the checklist.
    try keys("Tab", "Tab", "Tab", "Tab", "Tab", "Down", "Down", "Enter", "Enter")
    try waitFor("必要材料缺或有误1项")
    try keys("F5")
    try waitFor("其余3项材料已收齐?")
    try keys("Enter")
    try waitFor("出具一次性告知书?")
    try keys("Enter")
    try waitFor("一次性告知书  BYQ-2026-")
  }
}
