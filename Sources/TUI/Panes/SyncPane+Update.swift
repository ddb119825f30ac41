import Domain
import Store

extension SyncPane {
  public mutating func handle(_ key: Key, _ context: AppContext) -> PaneResponse {
    switch mode {
    case .browse: return handleBrowse(key, context)
    case .exportPath, .importPath: return handlePath(key, context)
    case .conflicts: return handleConflicts(key, context)
    case .resolution: return handleResolution(key)
    case .confirm: return handleConfirm(key, context)
    }
  }

  /// The refusal for the operator, if any (the store checks again and logs it).
  func refusal(_ action: Action, _ context: AppContext) -> PaneResponse? {
    Permission.check(context.staff, action).map { .toast(.error($0.message)) }
  }

  mutating func handleBrowse(_ key: Key, _ context: AppContext) -> PaneResponse {
    switch Self.browseKeys.command(for: key, as: BrowseCommand.self) {
    case .selectPeer?:
      let down = key == .down || key == .char("j")
      selectedPeer = max(0, min(peers.count - 1, selectedPeer + (down ? 1 : -1)))
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
      reload()
      return .toast(.info("已刷新"))
    default:
      return .ignored
    }
  }

  mutating func handlePath(_ key: Key, _ context: AppContext) -> PaneResponse {
    switch Self.pathKeys.command(for: key, as: PathCommand.self) {
    case .cancel?:
      let what = mode == .exportPath ? "导出" : "导入"
      mode = .browse
      return .toast(.info("已取消\(what)"))
    case .submit?:
      let file = path.trimmed
      guard !file.isEmpty else { return .toast(.error("请输入文件路径")) }
      do {
        let message: String
        if mode == .exportPath {
          guard peers.indices.contains(selectedPeer) else { return .toast(.error("没有可导出的对端节点")) }
          message = try service.export(
            to: peers[selectedPeer].code, path: file, by: context.staff)
        } else {
          message = try service.importBundle(path: file, by: context.staff)
        }
        mode = .browse
        reload()
        return .toast(.info(message))
      } catch {
        reload()
        return .toast(.error(CLI.message(for: error)))
      }
    default:
      _ = path.handle(key)
      return .handled
    }
  }

  mutating func handleConflicts(_ key: Key, _ context: AppContext) -> PaneResponse {
    switch Self.conflictKeys.command(for: key, as: ConflictCommand.self) {
    case .selectConflict?:
      let down = key == .down || key == .char("j")
      selectedConflict = max(0, min(conflicts.count - 1, selectedConflict + (down ? 1 : -1)))
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

  mutating func handleConfirm(_ key: Key, _ context: AppContext) -> PaneResponse {
    switch Self.confirmKeys.command(for: key, as: ConfirmCommand.self) {
    case .confirm?:
      guard conflicts.indices.contains(selectedConflict) else {
        mode = .browse
        return .handled
      }
      let c = conflicts[selectedConflict]
      do {
        try service.resolve(c, resolution: note.trimmed, by: context.staff)
      } catch {
        mode = .resolution
        return .toast(.error(CLI.message(for: error)))
      }
      reload()
      mode = conflicts.isEmpty ? .browse : .conflicts
      return .toast(.info("已处理冲突 \(c.origin) 第 \(c.seq) 号事件"))
    case .cancel?:
      mode = .resolution
      return .toast(.info("未处理,可修改处理意见或按 Esc 返回"))
    default:
      return .handled
    }
  }
}
