import Domain
import Store

extension SyncPane {
  /// A key: the new state, and the reads and steps to run (never run here).
  mutating func update(_ key: Key, _ context: AppContext) -> Update<SyncEffect> {
    switch mode {
    case .browse: return handleBrowse(key, context)
    case .exportPath, .importPath: return handlePath(key, context)
    case .conflicts: return Update(handleConflicts(key, context))
    case .resolution: return Update(handleResolution(key))
    case .confirm: return handleConfirm(key, context)
    }
  }

  /// The refusal for the operator, if any, as Domain decides it (the store checks again and
  /// logs it).
  func refusal(_ action: Action, _ context: AppContext) -> Update<SyncEffect>? {
    Permission.check(context.staff, action).map { .toast(.error($0.message)) }
  }

  mutating func handleBrowse(_ key: Key, _ context: AppContext) -> Update<SyncEffect> {
    switch Self.browseKeys.command(for: key, as: BrowseCommand.self) {
    case .selectPeer?:
      _ = peerCursor.handle(key, count: peers.count, page: 1)
      return .handled
    case .export?:
      if let r = refusal(.exportBundle, context) { return r }
      guard peers.indices.contains(selectedPeer) else {
        return .toast(.error("尚未登记乡镇节点,请先运行 zwfw node add"))
      }
      path.set(
        Self.defaultFileName(from: context.node.code, to: peers[selectedPeer].code, context))
      pathOpenedWith = path.text
      mode = .exportPath
      return .toast(.info("输入同步文件的保存路径,按 Enter 导出"))
    case .`import`?:
      if let r = refusal(.importBundle, context) { return r }
      path.set("")
      pathOpenedWith = ""
      mode = .importPath
      return .toast(.info("输入要导入的同步文件路径,按 Enter 导入"))
    case .conflicts?:
      if let r = refusal(.resolveConflict, context) { return r }
      guard !conflicts.isEmpty else { return .toast(.info("没有待处理的冲突")) }
      mode = .conflicts
      return .handled
    case .refresh?:
      return .run(.reload(then: .info("已刷新")))
    default:
      return .ignored
    }
  }

  mutating func handlePath(_ key: Key, _ context: AppContext) -> Update<SyncEffect> {
    switch Self.pathKeys.command(for: key, as: PathCommand.self) {
    case .cancel?:
      let what = mode == .exportPath ? "导出" : "导入"
      mode = .browse
      return .toast(.info("已取消\(what)"))
    case .submit?:
      let file = path.trimmed
      guard !file.isEmpty else { return .toast(.error("请输入文件路径")) }
      guard mode == .exportPath else { return .run(.importBundle(path: file)) }
      guard peers.indices.contains(selectedPeer) else { return .toast(.error("没有可导出的对端节点")) }
      return .run(.export(peer: peers[selectedPeer].code, path: file))
    default:
      _ = path.handle(key)
      return .handled
    }
  }

  mutating func handleConflicts(_ key: Key, _ context: AppContext) -> PaneResponse {
    switch Self.conflictKeys.command(for: key, as: ConflictCommand.self) {
    case .selectConflict?:
      _ = conflictCursor.handle(key, count: conflicts.count, page: 1)
      return .handled
    case .resolve?:
      guard conflicts.indices.contains(selectedConflict) else { return .handled }
      note.set("")
      mode = .resolution
      return .toast(.info("输入处理意见(例如: 以办结为准,延期作废),按 Enter 继续"))
    case .back?:
      mode = .browse
      return .handled
    default:
      return .ignored
    }
  }

  mutating func handleResolution(_ key: Key) -> PaneResponse {
    switch Self.resolutionKeys.command(for: key, as: ResolutionCommand.self) {
    case .back?:
      mode = .conflicts
      return .handled
    case .review?:
      guard !note.isEmpty else { return .toast(.error("请输入处理意见")) }
      mode = .confirm
      return .handled
    default:
      _ = note.handle(key)
      return .handled
    }
  }

  mutating func handleConfirm(_ key: Key, _ context: AppContext) -> Update<SyncEffect> {
    switch Self.confirmKeys.command(for: key, as: ConfirmCommand.self) {
    case .confirm?:
      guard conflicts.indices.contains(selectedConflict) else {
        mode = .browse
        return .handled
      }
      return .run(.resolve(conflicts[selectedConflict], resolution: note.trimmed))
    case .cancel?:
      mode = .resolution
      return .toast(.info("未处理,可修改处理意见或按 Esc 返回"))
    default:
      return .handled
    }
  }
}
