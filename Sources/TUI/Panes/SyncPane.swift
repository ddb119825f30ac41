import Domain
import Store

/// 同步 — this node, its peers and how the exchange stands: the last bundles each way, what each
/// peer is known to lack, events waiting in quarantine, fork alarms and conflicts awaiting a
/// supervisor. The admin exports and imports bundles here with a path prompt; a supervisor
/// resolves conflicts, with a confirmation step.
public struct SyncPane: Pane, EffectPane {
  public enum Mode: Equatable, Sendable {
    case browse
    case exportPath
    case importPath
    case conflicts
    case resolution
    case confirm
  }

  public let title = "同步"
  let service: any SyncService
  public internal(set) var overview: SyncOverview?
  public internal(set) var loadError: String?
  public internal(set) var mode: Mode = .browse
  var peerCursor = ListCursor()
  var conflictCursor = ListCursor()
  public var selectedPeer: Int { peerCursor.selected }
  public var selectedConflict: Int { conflictCursor.selected }
  public internal(set) var path = TextField(label: "文件路径", maxLength: 300)
  public internal(set) var note = TextField(label: "处理意见", maxLength: 200)
  /// The path the prompt opened with (the proposed file name, or empty).
  var pathOpenedWith = ""

  public init(service: any SyncService) { self.service = service }

  enum BrowseCommand: String, PaneCommand {
    case selectPeer, export, `import`, conflicts, refresh
  }

  enum PathCommand: String, PaneCommand {
    case submit, cancel
  }

  enum ConflictCommand: String, PaneCommand {
    case selectConflict, resolve, back
  }

  enum ResolutionCommand: String, PaneCommand {
    case review, back
  }

  enum ConfirmCommand: String, PaneCommand {
    case confirm, cancel
  }

  static let browseKeys = KeymapSection(
    "同步",
    [
      KeyBinding([.up, .down, .char("k"), .char("j")], BrowseCommand.selectPeer, "选择对端节点"),
      KeyBinding([.char("e")], BrowseCommand.export, "导出同步文件", bar: true, needs: .exportBundle),
      KeyBinding([.char("i")], BrowseCommand.`import`, "导入同步文件", bar: true, needs: .importBundle),
      KeyBinding([.char("c")], BrowseCommand.conflicts, "处理冲突", bar: true, needs: .resolveConflict),
      KeyBinding([.char("r")], BrowseCommand.refresh, "刷新", bar: true),
    ])

  static let pathKeys = KeymapSection(
    "文件路径",
    [
      KeyBinding([.enter], PathCommand.submit, "确定", bar: true),
      KeyBinding([.escape], PathCommand.cancel, "取消", bar: true),
    ])

  static let conflictKeys = KeymapSection(
    "冲突列表",
    [
      KeyBinding([.up, .down, .char("k"), .char("j")], ConflictCommand.selectConflict, "选择冲突"),
      KeyBinding([.enter], ConflictCommand.resolve, "处理所选冲突", bar: true),
      KeyBinding([.escape], ConflictCommand.back, "返回", bar: true),
    ])

  static let resolutionKeys = KeymapSection(
    "处理意见",
    [
      KeyBinding([.enter], ResolutionCommand.review, "下一步: 确认", bar: true),
      KeyBinding([.escape], ResolutionCommand.back, "返回冲突列表", bar: true),
    ])

  static let confirmKeys = KeymapSection(
    "确认处理",
    [
      KeyBinding([.char("y")], ConfirmCommand.confirm, "确认处理", bar: true),
      KeyBinding([.char("n"), .escape], ConfirmCommand.cancel, "取消", bar: true),
    ])

  public static let keymap = [browseKeys, pathKeys, conflictKeys, resolutionKeys, confirmKeys]

  public var bindings: KeymapSection {
    switch mode {
    case .browse: return Self.browseKeys
    case .exportPath, .importPath: return Self.pathKeys
    case .conflicts: return Self.conflictKeys
    case .resolution: return Self.resolutionKeys
    case .confirm: return Self.confirmKeys
    }
  }

  public var capturesText: Bool { [.exportPath, .importPath, .resolution].contains(mode) }
  public var hasUnsavedInput: Bool { (mode == .resolution || mode == .confirm) && !note.isEmpty }

  /// An edited path or a written 处理意见: Esc asks first.
  public var escapeLosesInput: Bool {
    switch mode {
    case .exportPath, .importPath: return path.text != pathOpenedWith
    case .resolution: return !note.isEmpty
    default: return false
    }
  }

  var peers: [PeerSyncStatus] { overview?.peers ?? [] }
  var conflicts: [ConflictRecord] { overview?.conflicts ?? [] }

  public mutating func activate(_ context: AppContext) { runStart(context) }

  public mutating func handle(_ key: Key, _ context: AppContext) -> PaneResponse {
    runUpdate(key, context)
  }

  /// `BYQ-WXZ-20261126-0930.zwfb`: who to whom, and when, in the working directory.
  static func defaultFileName(from node: String, to peer: String, _ context: AppContext) -> String {
    let stamp = context.zone.format(context.now).filter { $0.isNumber || $0 == " " }
      .replacingOccurrences(of: " ", with: "-")
    return "\(node)-\(peer)-\(stamp).zwfb"
  }
}
