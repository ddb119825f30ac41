import Domain
import Store

extension ApplicationsPane {
  /// F2: the item picker, once the items are read.
  func openItemPicker() -> Update<ApplicationEffect> { .run(.items("", .open)) }

  /// Items read for the picker: it opens, narrows to what was typed, or the picked item starts
  /// the walk-in form (unless its state refuses registration).
  mutating func itemsRead(
    _ text: String, _ use: ItemRead, _ result: Result<[DirectoryItem], any Error>,
    _ context: AppContext
  ) -> PaneResponse {
    switch (use, result) {
    case (.open, .success(let items)):
      var picker = Picker(title: "选择事项(输入名称或编码)", options: [])
      picker.setOptions(Self.options(items))
      layer = .itemPicker(picker)
    case (.open, .failure(let error)), (.pick, .failure(let error)):
      return .toast(.error(CLI.message(for: error)))
    case (.filter, let result):
      guard case .itemPicker(var p) = layer else { return .handled }
      switch result {
      case .success(let items): p.setOptions(Self.options(items), searchedFor: text)
      case .failure(let error):
        p.setOptions([])
        layer = .itemPicker(p)
        return .toast(.error(CLI.message(for: error)))
      }
      layer = .itemPicker(p)
    case (.pick(let code), .success(let items)):
      guard let item = items.first(where: { $0.snapshot.code == code }) else {
        return .toast(.error("事项\(code)不存在"))
      }
      if let r = item.registrationRefusal { return .toast(.error(r.description)) }
      layer = .registration(RegistrationEditor(item: item, today: context.today))
    }
    return .handled
  }

  static func options(_ items: [DirectoryItem]) -> [Picker.Option] {
    items.map { i in
      let s = i.snapshot
      let state = i.availability == .inUse ? "" : "[\(i.availability.title)] "
      return Picker.Option(
        id: s.code,
        label: "\(state)\(s.name)  \(s.code)  \(s.organisationName)  承诺\(s.promisedText)",
        keywords: "\(s.code) \(s.name)")
    }
  }

  mutating func handleLayer(_ key: Key, _ context: AppContext) -> Update<ApplicationEffect> {
    switch layer {
    case .none: return .ignored
    case .itemPicker(var p):
      switch p.handle(key) {
      case .cancelled: layer = .none
      case .filterChanged(let text):
        layer = .itemPicker(p)
        return .run(.items(text, .filter))
      case .picked(let option):
        // The picker stays until the item is read and may be registered.
        layer = .itemPicker(p)
        return .run(.items(option.id, .pick(code: option.id)))
      case .none: layer = .itemPicker(p)
      }
    case .registration(var e):
      switch e.handle(key, page: page) {
      case .cancel:
        // With something typed, the workstation asked 放弃本次输入? before this Esc.
        layer = .none
        if e.hasInput { return .toast(.info("已放弃录入")) }
      case .submit:
        layer = .registration(e)
        let unchecked = e.checklist.unchecked
        guard unchecked == 0 else {
          let all = unchecked == e.checklist.materials.count
          ask(
            "材料", [all ? "全部材料已收齐?" : "其余\(unchecked)项材料已收齐?", "Esc 返回逐项核对"],
            .registerAllReceived, declined: "请逐项核对申请材料(Enter 切换状态,数字 1–4 直接设定)")
          return .handled
        }
        return .run(.register(e))
      case .none: layer = .registration(e)
      }
    case .checklist(var c, let purpose):
      switch key {
      case .escape: layer = .none
      case .function(5): return saveChecklist(c, purpose)
      default:
        _ = c.handle(key, page: page)
        layer = .checklist(c, purpose: purpose)
      }
    case .supplement(var e):
      switch e.handle(key) {
      case .cancel: layer = .none
      case .submit:
        layer = .supplement(e)
        let command = ApplicationCommand.requestSupplement(e.deficiencies, other: e.other.trimmed)
        if let a = view?.application, let (t, lines) = Self.confirmation(for: command, a) {
          ask(t, lines, .perform(command))
        }
      case .none: layer = .supplement(e)
      }
    case .form(var f, let kind):
      switch f.handle(key, fieldWidth: 40) {
      case .cancel: layer = .none
      case .submit:
        let command = Self.command(from: &f, kind)
        layer = .form(f, kind)
        guard let command, let a = view?.application else { return .handled }
        if let (t, lines) = Self.confirmation(for: command, a) {
          ask(t, lines, .perform(command))
        } else {
          return perform(command)
        }
      default: layer = .form(f, kind)
      }
    case .notices(var p):
      switch p.handle(key) {
      case .cancelled: layer = .none
      case .picked(let option):
        layer = .none
        return reproduce(option.id)
      default: layer = .notices(p)
      }
    }
    return .handled
  }

  mutating func handleConfirm(_ key: Key, _ context: AppContext) -> Update<ApplicationEffect> {
    guard let c = confirm else { return .ignored }
    switch c.dialog.handle(key) {
    case .none: return .handled
    case .cancelled:
      confirm = nil
      return .toast(.info(c.declined ?? "已取消"))
    case .confirmed:
      confirm = nil
      switch c.then {
      case .perform(let command): return perform(command)
      case .openSupplement:
        if let a = view?.application { return Update(startStep(.supplement, a, context)) }
        return .handled
      case .openRating:
        if let a = view?.application { return Update(startStep(.rate, a, context)) }
        return .handled
      case .registerAllReceived:
        guard case .registration(var e) = layer else { return .handled }
        e.checkAllMaterials()
        return .run(.register(e))
      }
    }
  }

  func saveChecklist(_ c: MaterialChecklist, _ purpose: ChecklistPurpose)
    -> Update<ApplicationEffect>
  {
    perform(purpose == .check ? .checkMaterials(c.statuses) : .recordSupplement(c.statuses))
  }

  func reproduce(_ number: String) -> Update<ApplicationEffect> {
    guard case .detail(let id) = mode else { return .handled }
    return .run(.reproduce(notice: number, caseID: id))
  }
}
