import Domain
import Store

/// The 同步 pane's work outside itself, run by the workstation (`EffectRunner`).
enum SyncEffect: Equatable {
  /// The overview read again; `then` is what the clerk is told once it has been read.
  case reload(then: Toast?)
  /// Read again after a conflict was resolved: back to the conflicts while any are left.
  case reloadResolved(then: Toast)
  case export(peer: String, path: String)
  case importBundle(path: String)
  case resolve(ConflictRecord, resolution: String)
}

enum SyncAnswer {
  case loaded(Result<SyncOverview, any Error>, then: Toast?, resolved: Bool = false)
  /// An export or an import: its one-line report, or why it was refused.
  case transferred(Result<String, any Error>)
  case resolved(ConflictRecord, Result<Void, any Error>)
}

extension SyncPane {
  /// The only place the pane calls its service.
  func run(_ effect: SyncEffect, _ context: AppContext) -> SyncAnswer {
    switch effect {
    case .reload(let then):
      return .loaded(Result { try service.overview() }, then: then)
    case .reloadResolved(let then):
      return .loaded(Result { try service.overview() }, then: then, resolved: true)
    case .export(let peer, let path):
      return .transferred(Result { try service.export(to: peer, path: path, by: context.staff) })
    case .importBundle(let path):
      return .transferred(Result { try service.importBundle(path: path, by: context.staff) })
    case .resolve(let conflict, let resolution):
      return .resolved(
        conflict,
        Result { try service.resolve(conflict, resolution: resolution, by: context.staff) })
    }
  }

  mutating func start(_ context: AppContext) -> Update<SyncEffect> { .run(.reload(then: nil)) }

  mutating func receive(_ answer: SyncAnswer, _ context: AppContext) -> Update<SyncEffect> {
    switch answer {
    case .loaded(let result, let then, let resolved):
      loadError = result.take(into: &overview)
      peerCursor.clamp(count: peers.count, page: 1)
      conflictCursor.clamp(count: conflicts.count, page: 1)
      if resolved { mode = conflicts.isEmpty ? .browse : .conflicts }
      return then.map { .toast($0) } ?? .handled
    case .transferred(.success(let message)):
      mode = .browse
      return .run(.reload(then: .info(message)))
    case .transferred(.failure(let error)):
      // The prompt stays with the path typed; what did arrive shows once read again.
      return .run(.reload(then: .error(CLI.message(for: error))))
    case .resolved(let c, .success):
      return .run(.reloadResolved(then: .info("已处理冲突 \(c.origin) 第 \(c.seq) 号事件")))
    case .resolved(_, .failure(let error)):
      mode = .resolution
      return .toast(.error(CLI.message(for: error)))
    }
  }
}
