import Domain

/// The command line, split into positionals, `--option value` pairs and `--flag`s.
public struct Arguments: Equatable {
  public var positionals: [String] = []
  public var options: [String: String] = [:]
  public var flags: Set<String> = []

  /// Parses `zwfw`'s command line against every option some command declares (its usage line);
  /// whether the chosen command takes it is checked once the command is known.
  public init(_ argv: [String]) throws(UsageError) {
    try self.init(argv, declaring: CLI.declaredOptions)
  }

  /// Parses against a declaration: a `--name` is known only if declared, and takes a value only
  /// if declared with a placeholder (`--out FILE`). `-h` is `--help`.
  public init(_ argv: [String], declaring declared: [CommandOption]) throws(UsageError) {
    let valued = Set(declared.filter { $0.value != nil }.map(\.name))
    let known = Set(declared.map(\.name)).union(["-h"])
    var i = 0
    while i < argv.count {
      let a = argv[i]
      if a == "--" {
        positionals += argv[(i + 1)...]
        break
      }
      if a.hasPrefix("--"), let eq = a.firstIndex(of: "=") {
        let name = String(a[..<eq])
        guard valued.contains(name) else { throw UsageError("未知选项 \(name)") }
        options[name] = String(a[a.index(after: eq)...])
      } else if valued.contains(a) {
        guard i + 1 < argv.count else { throw UsageError("选项 \(a) 需要一个值") }
        options[a] = argv[i + 1]
        i += 1
      } else if a.hasPrefix("-") && a.count > 1 && Int(a) == nil {
        guard known.contains(a) else {
          throw UsageError("未知选项 \(a)")
        }
        flags.insert(a)
      } else {
        positionals.append(a)
      }
      i += 1
    }
  }

  public func option(_ name: String) -> String? { options[name] }

  /// A date option's value: YYYY-MM-DD, a real day the calendar covers (`OptionValue.date`).
  public func date(_ name: String) throws(UsageError) -> CivilDate? {
    try options[name].map { text throws(UsageError) in try OptionValue.date(text) }
  }

  /// A whole-number option's value; its range was checked against the command's declaration.
  public func int(_ name: String) -> Int? { options[name].flatMap { Int($0) } }
  public func has(_ flag: String) -> Bool { flags.contains(flag) }
  /// The option was given, as a flag or with a value.
  public func gives(_ name: String) -> Bool { options[name] != nil || flags.contains(name) }

  public func required(_ name: String, _ what: String) throws(UsageError) -> String {
    guard let v = options[name], !v.isEmpty else { throw UsageError("缺少 \(name) \(what)") }
    return v
  }

  /// The n-th positional after the command words.
  public func positional(_ i: Int, _ what: String) throws(UsageError) -> String {
    guard i < positionals.count else { throw UsageError("缺少参数: \(what)") }
    return positionals[i]
  }
}

/// The command line itself was wrong: exit status 64.
public struct UsageError: Error, Equatable {
  public let message: String
  public init(_ message: String) { self.message = message }
}
