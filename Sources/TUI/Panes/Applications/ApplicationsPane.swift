import Domain
import Store

/// 受理登记 — the counter clerk's screen: the queues of open applications with their countdowns,
/// the walk-in form (F2), and each case with its steps one key away.
public struct ApplicationsPane: Pane, EffectPane {
  public enum Mode: Equatable, Sendable {
    case list
    /// One case open (its number).
    case detail(String)
  }

  /// What covers the list or the case: an editor, a form, a picker.
  public enum Layer: Equatable, Sendable {
    case none
    case itemPicker(Picker)
    case registration(RegistrationEditor)
    case checklist(MaterialChecklist, purpose: ChecklistPurpose)
    case supplement(SupplementEditor)
    case form(Form, StepForm)
    case notices(Picker)
  }

  /// 核对材料 before the intake decision, or 补正收件 when the applicant comes back.
  public enum ChecklistPurpose: Equatable, Sendable { case check, supplement }

  /// The forms of the steps that need more than a key.
  public enum StepForm: String, Equatable, Sendable {
    case preReview, refuse, review, stopClock, resumeClock, decide, conclude, rate, withdraw
    case extendLimit
  }

  /// What a confirmation leads to.
  public enum Followup: Equatable, Sendable {
    case perform(ApplicationCommand)
    /// After registration with materials missing: straight to the one-time notice.
    case openSupplement
    /// After 办结: take the applicant's rating.
    case openRating
    /// The walk-in form with materials still 未核: the clerk says they are all in hand.
    case registerAllReceived
  }

  public struct Confirmation: Equatable, Sendable {
    public var dialog: ConfirmDialog
    public var then: Followup
    /// What Esc leaves behind, when it is more than nothing (the case stays saved as it is).
    public var declined: String? = nil
  }

  public let title = "受理登记"
  let service: any ApplicationService
  public internal(set) var mode: Mode = .list
  public internal(set) var queue: ApplicationQueue = .mine
  public internal(set) var sort: ApplicationSort = .timeLeft
  public internal(set) var search = TextField(
    label: "搜索", maxLength: 30, placeholder: "办件编号、申请人姓名或证件号")
  public internal(set) var searching = false
  /// The last search put aside by `/` or Esc, for Up to bring back.
  var lastSearch = ""
  public internal(set) var rows: [ApplicationRow] = []
  public internal(set) var counts: [ApplicationQueue: Int] = [:]
  public internal(set) var cursor = ListCursor()
  public internal(set) var view: ApplicationView?
  /// Why each step is not open on the case to the operator, as the machine answered with it.
  var stepRefusals: [ApplicationStep: Refusal] = [:]
  public internal(set) var detail = DetailView()
  public internal(set) var layer: Layer = .none
  public internal(set) var confirm: Confirmation?
  /// 备注、认领、指派 on the open case (`CaseWorkFlow`).
  var work = StepFlow<CaseWorkPurpose, CaseWorkCommand>()
  /// The case work keys open to the operator on the open case, as it was read.
  var workOpen: Set<String> = []
  /// Notices produced by the last step on the open case: their paths are shown to the clerk.
  public internal(set) var deliveries: [NoticeDelivery] = []
  /// Why the queue could not be read, shown in place of the rows.
  public internal(set) var loadError: String?
  /// Rows of the list body at the last render (for PgUp/PgDn).
  var page = 15
  /// The clerk has not chosen a queue yet: an empty 我的 opens on 本单位.
  var queueChosen = false
  /// Rows a page of the queue reads.
  public static let pageSize = Paging.standardSize
  var paging = Paging()

  public init(service: any ApplicationService) {
    self.service = service
  }

  // MARK: - Keymaps (one table drives the keys, the key bar, help and the README)

  static let listKeys = KeymapSection(
    "受理登记",
    [
      KeyBinding(
        [.up, .down, .char("j"), .char("k"), .pageUp, .pageDown, .home, .end], ListCommand.move,
        "移动"),
      KeyBinding([.enter], ListCommand.open, "打开办件", bar: true),
      KeyBinding(
        [.function(2)], ListCommand.new, "新建", bar: true, needs: ApplicationActions.register),
      KeyBinding([.char("/")], ListCommand.search, "搜索", bar: true),
      KeyBinding([.char("s")], ListCommand.sort, "切换排序", bar: true),
      KeyBinding([.char("m")], ListCommand.mine, "我的"),
      KeyBinding([.char("o")], ListCommand.organisation, "本单位"),
      KeyBinding([.char("c")], ListCommand.closed, "已办结"),
      KeyBinding([.char("a")], ListCommand.all, "全部(督办)"),
      KeyBinding([.char("r")], ListCommand.refresh, "刷新"),
    ])

  static let searchKeys = KeymapSection(
    "搜索",
    [
      KeyBinding([.enter], SearchKeyCommand.done, "完成", bar: true),
      KeyBinding([.escape], SearchKeyCommand.clear, "清除搜索", bar: true),
      KeyBinding([.up], SearchKeyCommand.recall, "搜索框为空时取回上次搜索的文字,否则上移"),
      KeyBinding([.down], SearchKeyCommand.move, "下移"),
    ])

  static let caseKeys = KeymapSection(
    "办件",
    [
      KeyBinding([.char("a")], CaseCommand.accept, "受理", needs: ApplicationActions.accept),
      KeyBinding(
        [.char("b")], CaseCommand.supplement, "一次性告知", needs: ApplicationActions.requestSupplement),
      KeyBinding([.char("x")], CaseCommand.refuse, "不予受理", needs: ApplicationActions.refuse),
      KeyBinding([.char("v")], CaseCommand.preReview, "预审通过", needs: ApplicationActions.preReview),
      KeyBinding(
        [.char("m")], CaseCommand.materials, "核对材料", needs: ApplicationActions.checkMaterials),
      KeyBinding(
        [.char("u")], CaseCommand.resume, "补正收件", needs: ApplicationActions.recordSupplement),
      KeyBinding([.char("s")], CaseCommand.review, "审查", needs: ApplicationActions.review),
      KeyBinding([.char("t")], CaseCommand.clock, "特别程序", needs: ApplicationActions.clockStop),
      KeyBinding([.char("d")], CaseCommand.decide, "决定", needs: ApplicationActions.decide),
      KeyBinding(
        [.char("l")], CaseCommand.extend, "延长审批", needs: ApplicationActions.extendLimit),
      KeyBinding([.char("f")], CaseCommand.conclude, "办结", needs: ApplicationActions.conclude),
      KeyBinding([.char("e")], CaseCommand.rate, "评价", needs: ApplicationActions.rate),
      KeyBinding([.char("w")], CaseCommand.withdraw, "撤回", needs: ApplicationActions.withdraw),
      KeyBinding(
        [.char("n")], CaseCommand.notices, "文书", needs: ApplicationActions.reproduceNotice),
      KeyBinding(
        [.up, .down, .char("j"), .char("k"), .pageUp, .pageDown], CaseCommand.scroll, "滚动"),
    ] + CaseWorkFlow.bindings + [
      KeyBinding([.escape], CaseCommand.back, "返回列表", bar: true)
    ])

  static let registrationKeys = KeymapSection(
    "新建申请",
    [
      KeyBinding([.tab, .backTab], RegistrationCommand.field, "切换输入项"),
      KeyBinding([.enter], RegistrationCommand.toggle, "材料: 切换已收/缺/有误/免提交"),
      KeyBinding(
        [.char("1"), .char("2"), .char("3"), .char("4")], RegistrationCommand.set,
        "材料: 1已收 2缺 3有误 4免提交",
        label: "1-4"),
      KeyBinding([.left, .right], RegistrationCommand.choose, "选择项换选项"),
      KeyBinding([.function(5)], RegistrationCommand.save, "保存", bar: true),
      KeyBinding([.escape], RegistrationCommand.cancel, "取消", bar: true),
    ])

  static let checklistKeys = KeymapSection(
    "材料核对",
    [
      KeyBinding([.up, .down], ChecklistCommand.move, "上下"),
      KeyBinding([.enter], ChecklistCommand.toggle, "切换已收/缺/有误/免提交", bar: true),
      KeyBinding(
        [.char("1"), .char("2"), .char("3"), .char("4")], ChecklistCommand.set, "1已收 2缺 3有误 4免提交",
        label: "1-4"),
      KeyBinding([.function(5)], ChecklistCommand.save, "保存", bar: true),
      KeyBinding([.escape], ChecklistCommand.cancel, "取消", bar: true),
    ])

  static let supplementKeys = KeymapSection(
    "一次性告知",
    [
      KeyBinding([.tab, .backTab], SupplementCommand.field, "切换说明"),
      KeyBinding([.function(5)], SupplementCommand.issue, "出具", bar: true),
      KeyBinding([.escape], SupplementCommand.cancel, "取消", bar: true),
    ])

  public static let keymap = [
    listKeys, searchKeys, caseKeys, registrationKeys, checklistKeys, supplementKeys,
  ]

  public var bindings: KeymapSection {
    if let keys = work.keymap { return keys }
    if confirm != nil { return ConfirmDialog.keymap }
    switch layer {
    case .itemPicker, .notices: return Picker.keymap
    case .registration: return Self.registrationKeys
    case .checklist: return Self.checklistKeys
    case .supplement: return Self.supplementKeys
    case .form: return Form.keymap
    case .none: break
    }
    if case .detail = mode { return caseSection }
    return searching ? Self.searchKeys : Self.listKeys
  }

  /// The case keys with the steps open now in the key bar.
  var caseSection: KeymapSection {
    let open = availableSteps
    return KeymapSection(
      Self.caseKeys.title,
      Self.caseKeys.bindings.map { b in
        if b.command(as: CaseWorkKey.self) != nil {
          return b.inBar(b.inBar && workOpen.contains(b.command))
        }
        return b.inBar(b.inBar || open.contains(b.command))
      })
  }

  /// Steps the open case's state allows (the key bar shows them; other keys explain why not).
  var availableSteps: Set<String> {
    guard let a = view?.application else { return [] }
    var out: Set<String> = a.notices.isEmpty ? [] : ["notices"]
    // 特别程序 is one key (`clock`) whether it starts a stop or ends the running one.
    out.formUnion(
      ApplicationMachine.offeredSteps(a).map {
        $0 == .resumeClock ? ApplicationStep.stopClock.rawValue : $0.rawValue
      })
    return out
  }

  public var capturesText: Bool {
    if work.isOpen { return work.capturesText }
    if confirm != nil { return true }
    if layer != .none { return true }
    return searching && mode == .list
  }

  public var hasUnsavedInput: Bool {
    if work.hasUnsavedInput { return true }
    switch layer {
    case .registration(let e): return e.hasInput
    case .supplement, .form: return true
    default: return false
    }
  }

  /// 新建申请, 一次性告知, 核对材料 and the step forms: Esc asks first once something changed.
  public var escapeLosesInput: Bool {
    if work.isOpen { return work.escapeLosesInput }
    if confirm != nil { return false }
    switch layer {
    case .registration(let e): return e.hasInput || e.checklist.isChanged
    case .supplement(let e): return e.isChanged
    case .checklist(let c, _): return c.isChanged
    case .form(let f, _): return f.isChanged
    default: return false
    }
  }

  public mutating func activate(_ context: AppContext) { runStart(context) }

  public mutating func handle(_ key: Key, _ context: AppContext) -> PaneResponse {
    runUpdate(key, context)
  }

  /// A key: the new state, and the reads and steps to run (never run here).
  mutating func update(_ key: Key, _ context: AppContext) -> Update<ApplicationEffect> {
    if work.isOpen { return handleWork(key, context) }
    if confirm != nil { return handleConfirm(key, context) }
    if layer != .none { return handleLayer(key, context) }
    if case .detail = mode { return handleCase(key, context) }
    return searching ? handleSearch(key, context) : handleList(key, context)
  }
}
