/// A program's or command's declaration: the words that run it, then what it takes in the order
/// its usage line shows — arguments, typed options, other forms. The usage line, the option list
/// of `--help` and the man page, and the value checks are all generated from it, so none can
/// disagree with another (`zwfw` and `zwfw-bench` alike).
public struct Synopsis: Sendable {
  /// One thing a command takes.
  public enum Part: Sendable, ExpressibleByStringLiteral {
    /// A positional argument as the usage line shows it: `DATE`, `[CODE]`, `up|down`.
    case argument(String)
    /// An option the command needs: `--out FILE`.
    case option(CommandOption)
    /// An option it may be given: `[--quiet]`.
    case optional(CommandOption)
    /// `|` between two options of which one at most is given: `--out FILE | --out-dir DIR`.
    case or
    /// Another form of the same command, shown as `| zwfw init …`.
    case alternative

    public init(stringLiteral word: String) { self = .argument(word) }

    var option: CommandOption? {
      switch self {
      case .option(let o), .optional(let o): return o
      case .argument, .or, .alternative: return nil
      }
    }
  }

  /// What runs it: `["zwfw", "calendar", "add"]`.
  public let program: [String]
  public let parts: [Part]

  public init(_ program: [String], _ parts: [Part]) {
    self.program = program
    self.parts = parts
  }

  /// The usage line: `zwfw calendar import FILE [--replace]`.
  public var usage: String {
    let words = parts.map { part -> String in
      switch part {
      case .argument(let word): return word
      case .option(let o): return Self.written(o)
      case .optional(let o): return "[" + Self.written(o) + "]"
      case .or: return "|"
      case .alternative: return (["|"] + program).joined(separator: " ")
      }
    }
    return (program + words).joined(separator: " ")
  }

  /// Its options, each once, in the order of the usage line.
  public var options: [CommandOption] {
    var out: [CommandOption] = []
    for o in parts.compactMap(\.option) where !out.contains(where: { $0.name == o.name }) {
      out.append(o)
    }
    return out
  }

  /// Refuses both sides of an `|`, and a value not of its option's type, in the option's own
  /// words (`--limit 应为…`).
  public func checkValues(_ args: Arguments) throws(UsageError) {
    for (i, part) in parts.enumerated() {
      guard case .or = part, i > 0, i + 1 < parts.count,
        let one = parts[i - 1].option, let other = parts[i + 1].option,
        args.gives(one.name), args.gives(other.name)
      else { continue }
      throw UsageError("\(one.name) 与 \(other.name) 只能用一个")
    }
    for o in options {
      if let value = args.option(o.name), let problem = o.type?.problem(value, for: o.name) {
        throw UsageError(problem)
      }
    }
  }

  static func written(_ o: CommandOption) -> String {
    o.name + (o.value.map { " " + $0 } ?? "")
  }
}
