import CNcursesw
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Measures what the real driver sends to a terminal: frames are drawn through `Curses` onto a
/// pseudo-terminal and the bytes arriving on its other side are counted. The benchmark uses it to
/// show that moving a selection over SSH costs a few bytes, not a screen.
public enum TerminalProbe {
  public enum Failure: Error { case noPseudoTerminal, noCurses }

  /// Bytes written for each frame after the first (the first is the full paint, also returned).
  /// - Returns: bytes per frame, in order.
  public static func bytesWritten(
    frames: [Frame], terminalType: String = "xterm-256color"
  ) throws -> [Int] {
    guard setlocale(LC_ALL, "C.UTF-8") != nil || setlocale(LC_ALL, "") != nil else {
      throw Failure.noCurses
    }
    var name = [CChar](repeating: 0, count: 128)
    let master = cnc_open_pty(&name, name.count)
    guard master >= 0 else { throw Failure.noPseudoTerminal }
    defer { close(master) }
    let path = String(
      decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let slave = open(path, O_RDWR | O_NOCTTY)
    guard slave >= 0 else { throw Failure.noPseudoTerminal }
    defer { close(slave) }
    if let first = frames.first {
      _ = cnc_set_winsize(slave, Int32(first.height), Int32(first.width))
    }
    let flags = fcntl(master, F_GETFL)
    _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
    guard let out = fdopen(dup(slave), "w"), let inp = fdopen(dup(slave), "r") else {
      throw Failure.noPseudoTerminal
    }
    defer {
      fclose(out)
      fclose(inp)
    }
    guard let curses = Curses(terminalType: terminalType, output: out, input: inp) else {
      throw Failure.noCurses
    }
    _ = drain(master)  // initialisation sequences are not a frame's cost
    var counts: [Int] = []
    for frame in frames {
      curses.draw(frame)
      fflush(out)
      counts.append(drain(master))
    }
    curses.stop()
    return counts
  }

  /// Reads everything waiting on the master side; returns the byte count.
  static func drain(_ fd: Int32) -> Int {
    var total = 0
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n <= 0 { break }
      total += n
    }
    return total
  }
}
