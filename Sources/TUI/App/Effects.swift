import Domain
import Foundation

/// What a pane's update decided: the answer for the clerk, and the work to do outside the pane
/// (reads, steps, file writes) as values the workstation runs.
struct Update<Effect> {
  var response: PaneResponse
  var effects: [Effect]

  init(_ response: PaneResponse = .handled, _ effects: [Effect] = []) {
    self.response = response
    self.effects = effects
  }

  static var ignored: Update { Update(.ignored) }
  static var handled: Update { Update(.handled) }
  static func toast(_ t: Toast) -> Update { Update(.toast(t)) }
  static func run(_ effects: Effect...) -> Update { Update(.handled, effects) }

  /// The same answer, with more work after it.
  func then(_ more: Effect...) -> Update { Update(response, effects + more) }
}

/// 纯窗格 — a pane whose update is pure: `update` and `receive` only change the pane's value and
/// name the effects; `run` is the one place that touches its service, and turns every error into
/// an answer (`receive` shows it on the status line, never swallowing it). Tests drive `update`
/// and `receive` directly, and check the effects without a database.
///
/// A pane's `handle` and `activate` hand over to `runUpdate` and `runStart`.
protocol EffectPane: Pane {
  associatedtype Effect
  associatedtype Answer

  /// A key: the new state and what to run.
  mutating func update(_ key: Key, _ context: AppContext) -> Update<Effect>
  /// The pane came to the front (or the world changed): what to read.
  mutating func start(_ context: AppContext) -> Update<Effect>
  /// Runs one effect against the service.
  func run(_ effect: Effect, _ context: AppContext) -> Answer
  /// What an effect answered: the new state, and perhaps more to run.
  mutating func receive(_ answer: Answer, _ context: AppContext) -> Update<Effect>
}

extension EffectPane {
  /// A key: update, then every effect it named (and those their answers name).
  mutating func runUpdate(_ key: Key, _ context: AppContext) -> PaneResponse {
    EffectRunner.run(&self, update(key, context), context)
  }

  /// The pane came to the front: its reads, run.
  mutating func runStart(_ context: AppContext) {
    _ = EffectRunner.run(&self, start(context), context)
  }
}

/// Runs a pane's effects in order, feeding each answer back, until none is left. The last
/// message wins the status line, except that an error is never replaced by a later info.
enum EffectRunner {
  /// Enough for any chain of reads a key starts; a loop past it is a bug, shown rather than hung.
  static let limit = 64

  static func run<P: EffectPane>(
    _ pane: inout P, _ first: Update<P.Effect>, _ context: AppContext
  ) -> PaneResponse {
    var response = first.response
    var queue = first.effects[...]
    var steps = 0
    while let effect = queue.popFirst() {
      steps += 1
      guard steps <= limit else { return .toast(.error("操作步骤过多,已停止")) }
      let next = pane.receive(pane.run(effect, context), context)
      response = combine(response, next.response)
      queue.append(contentsOf: next.effects)
    }
    return response
  }

  static func combine(_ a: PaneResponse, _ b: PaneResponse) -> PaneResponse {
    switch (a, b) {
    case (.toast(let t), .toast(let u)): return t.kind == .error && u.kind != .error ? a : b
    case (.toast, _): return a
    case (_, .toast): return b
    case (.ignored, _): return b
    default: return a
    }
  }
}

/// A report written to a file the clerk named: never over an existing one (a mistyped path must
/// not destroy another report). The file effect of every pane that exports.
enum NewFileWrite {
  /// Runs `write` unless `path` exists; `existed` says which refusal it was (the path field).
  static func run(_ path: String, _ write: () throws -> Int) -> (
    result: Result<Int, any Error>, existed: Bool
  ) {
    if FileManager.default.fileExists(atPath: path) {
      return (.failure(Refusal("文件 \(path) 已存在,请换一个文件名")), true)
    }
    return (Result { try write() }, false)
  }
}

extension Result where Failure == Error {
  /// A read's answer taken into what the pane shows: the value replaces `shown`; a failure keeps
  /// the last value on screen. Returns the clerk's message for the failure (nil when it read).
  func take(into shown: inout Success?) -> String? {
    switch self {
    case .success(let value):
      shown = value
      return nil
    case .failure(let error):
      return CLI.message(for: error)
    }
  }
}
