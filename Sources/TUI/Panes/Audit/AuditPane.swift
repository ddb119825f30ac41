import Domain
import Foundation
import Store

/// 审计 — the refusal log for supervisors and system admins (第二十四、四十三条): who tried what,
/// when, on which case or file, and why it was refused, newest first; `f` narrows it to a day on
/// and one login.
public struct AuditPane: Pane, EffectPane {
  /// What the log is narrowed to.
  public struct Filter: Equatable, Sendable {
    public var from: CivilDate?
    public var actor: String?
  }

  public enum Purpose: Equatable, Sendable { case filter }

  public let title = "审计"
  let service: any AuditService
  var queue = QueueView<RefusalRecord, Filter>(filter: Filter())
  var flow = StepFlow<Purpose, Never>()

  public init(service: any AuditService) { self.service = service }

  public var rows: [RefusalRecord] { queue.rows }
  public var filter: Filter { queue.filter }

  enum Command: String, PaneCommand { case move, filter, clear, refresh }

  static let listKeys = KeymapSection(
    "拒绝记录",
    [
      KeyBinding(
        [.up, .down, .char("j"), .char("k"), .pageUp, .pageDown, .home, .end], Command.move,
        "移动"),
      KeyBinding([.char("f")], Command.filter, "筛选(起始日期、操作人)", bar: true),
      KeyBinding([.char("x")], Command.clear, "清除筛选", bar: true),
      KeyBinding([.char("r")], Command.refresh, "刷新", bar: true),
    ])

  public static let keymap = [listKeys]

  public var bindings: KeymapSection { flow.keymap ?? Self.listKeys }
  public var capturesText: Bool { flow.capturesText }
  public var escapeLosesInput: Bool { flow.escapeLosesInput }

  public mutating func handle(_ key: Key, _ context: AppContext) -> PaneResponse {
    runUpdate(key, context)
  }

  public mutating func activate(_ context: AppContext) { runStart(context) }

  // MARK: - Update

  enum Effect { case read(PageRequest) }
  enum Answer { case page(PageRequest, Result<[RefusalRecord], any Error>) }

  mutating func start(_ context: AppContext) -> Update<Effect> {
    .run(.read(queue.firstPage(keeping: true)))
  }

  mutating func update(_ key: Key, _ context: AppContext) -> Update<Effect> {
    if flow.isOpen { return updateFilterForm(key, context) }
    guard let command = Self.listKeys.command(for: key, as: Command.self) else { return .ignored }
    switch command {
    case .move: return queue.moved(key, read: Effect.read)
    case .filter:
      flow.show(filterForm(), .filter)
      return .handled
    case .clear:
      queue.filter = Filter()
      queue.restart()
      return .run(.read(queue.firstPage()))
    case .refresh:
      return .run(.read(queue.firstPage(keeping: true)))
    }
  }

  func filterForm() -> Form {
    var f = Form(
      title: "筛选拒绝记录",
      fields: [
        .text(
          "from", "起始日期", value: filter.from?.iso ?? "", max: 10, placeholder: "YYYY-MM-DD,可不填"),
        .text("actor", "操作人登录名", value: filter.actor ?? "", max: 64, placeholder: "可不填"),
      ])
    f.footer = ["不填则列出全部,最新的在前"]
    return f
  }

  mutating func updateFilterForm(_ key: Key, _ context: AppContext) -> Update<Effect> {
    switch flow.handle(key, fieldWidth: 30) {
    case .submitted(var form, let purpose):
      form.clearErrors()
      let fromText = form["from"].trimmingSpaces()
      let from = CivilDate(iso: fromText)
      if !fromText.isEmpty && from == nil {
        form.setError("from", "应为 YYYY-MM-DD")
        return Update(flow.refuse(form, purpose, "起始日期应为 YYYY-MM-DD,例如 \(context.today.iso)"))
      }
      let actor = form["actor"].trimmingSpaces()
      if let p = FieldText.check(actor, field: "操作人登录名", required: false, maxLength: 64) {
        form.setError("actor", "请检查")
        return Update(flow.refuse(form, purpose, p.message))
      }
      flow.close()
      queue.filter = Filter(from: from, actor: actor.isEmpty ? nil : actor)
      queue.restart()
      return .run(.read(queue.firstPage()))
    case .cancelled(let toast): return toast.map { .toast($0) } ?? .handled
    case .handled, .edited, .picked, .confirmed: return .handled
    }
  }

  func run(_ effect: Effect, _ context: AppContext) -> Answer {
    switch effect {
    case .read(let request):
      let query = RefusalQuery(
        from: filter.from, actor: filter.actor, limit: request.limit, offset: request.offset)
      return .page(request, Result { try service.refusalLog(query, for: context.staff) })
    }
  }

  mutating func receive(_ answer: Answer, _ context: AppContext) -> Update<Effect> {
    switch answer {
    case .page(let request, let result):
      guard let failure = queue.received(request, result) else { return .handled }
      return .toast(.error(failure))
    }
  }
}
