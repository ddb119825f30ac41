import Domain

/// The 事项库 keymap: one table per mode, read by key handling, the key bar, help and README.
extension CatalogPane {
  static let move = KeyBinding(
    [.up, .down, .char("j"), .char("k"), .pageUp, .pageDown, .home, .end], CatalogCommand.move,
    "上下选择",
    label: "Up/Down/j/k/PgUp/PgDn")
  static let scroll = KeyBinding(
    [.up, .down, .char("j"), .char("k"), .pageUp, .pageDown, .home], CatalogCommand.scroll, "滚动",
    label: "Up/Down/PgUp/PgDn")
  static let nextView = KeyBinding(
    [.function(3), .char("v")], CatalogCommand.nextView, "切换视图", bar: true)
  static let back = KeyBinding([.escape], CatalogCommand.back, "返回", bar: true)

  static let itemKeys = KeymapSection(
    "事项库",
    [
      move,
      KeyBinding([.char("/")], CatalogCommand.search, "搜索", bar: true),
      KeyBinding([.enter], CatalogCommand.open, "详情", bar: true),
      KeyBinding([.function(2)], CatalogCommand.new, "开通", bar: true, needs: .draftCatalogChange),
      KeyBinding(
        [.function(4)], CatalogCommand.change, "起草变更", bar: true, needs: .draftCatalogChange),
      nextView,
      KeyBinding([.escape], CatalogCommand.clear, "清除筛选"),
    ])

  static let searchKeys = KeymapSection(
    "搜索",
    [
      KeyBinding([], CatalogCommand.type, "输入名称或编码即筛选(不必按 Enter)", label: "文字"),
      KeyBinding([.enter, .down], CatalogCommand.done, "回到列表", bar: true),
      KeyBinding([.escape], CatalogCommand.clear, "清除筛选并返回", bar: true),
      KeyBinding([.control("u")], CatalogCommand.erase, "清空搜索框"),
      KeyBinding([.up], CatalogCommand.recall, "取回上次搜索的文字"),
    ])

  static let itemDetailKeys = KeymapSection(
    "事项详情",
    [
      scroll,
      KeyBinding([.left], CatalogCommand.older, "上一版本", bar: true),
      KeyBinding([.right], CatalogCommand.newer, "下一版本", bar: true),
      KeyBinding([.char("d")], CatalogCommand.compare, "版本对比", bar: true),
      KeyBinding(
        [.function(4)], CatalogCommand.change, "起草变更", bar: true, needs: .draftCatalogChange),
      back,
    ])

  static let changeKeys = KeymapSection(
    "变更申请",
    [
      move,
      KeyBinding([.enter], CatalogCommand.open, "详情", bar: true),
      KeyBinding([.char("o")], CatalogCommand.toggle, "全部/未办结", bar: true),
      KeyBinding([.function(2)], CatalogCommand.new, "开通", needs: .draftCatalogChange),
      nextView,
    ])

  static let changeDetailKeys = KeymapSection(
    "变更详情",
    [
      scroll,
      KeyBinding([.function(4)], step: CatalogChangeStep.edit, "修改", bar: true),
      KeyBinding([.char("s")], step: CatalogChangeStep.submit, "提交", bar: true),
      KeyBinding([.char("a")], step: CatalogChangeStep.approve, "审核通过", bar: true),
      KeyBinding([.char("r")], step: CatalogChangeStep.sendBack, "退回", bar: true),
      KeyBinding([.char("t")], step: CatalogChangeStep.test, "系统测试", bar: true),
      KeyBinding([.char("f")], step: CatalogChangeStep.file, "报备", bar: true),
      KeyBinding([.char("w")], step: CatalogChangeStep.withdraw, "撤回", bar: true),
      KeyBinding([.char("i")], CatalogCommand.item, "查看事项"),
      back,
    ])

  static let adjustmentKeys = KeymapSection(
    "清单调整",
    [
      move,
      KeyBinding([.enter], CatalogCommand.open, "详情", bar: true),
      KeyBinding(
        [.function(2)], CatalogCommand.new, "登记调整", bar: true, needs: .recordListAdjustment),
      KeyBinding([.char("o")], CatalogCommand.toggle, "全部/未办结", bar: true),
      nextView,
    ])

  static let adjustmentDetailKeys = KeymapSection(
    "调整详情",
    [
      scroll,
      KeyBinding([.char("x")], CatalogCommand.close, "核销", bar: true, needs: .recordListAdjustment),
      back,
    ])

  static let editorKeys = KeymapSection(
    "编辑变更",
    [
      KeyBinding([.tab, .down], CatalogCommand.next, "下一项"),
      KeyBinding([.backTab, .up], CatalogCommand.previous, "上一项"),
      KeyBinding([.left, .right], CatalogCommand.choose, "选择框换选项"),
      KeyBinding([.control("u")], CatalogCommand.clear, "清空本项"),
      KeyBinding([.function(3)], CatalogCommand.materials, "申请材料", bar: true),
      KeyBinding([.function(6)], CatalogCommand.national, "国家标准要素", bar: true),
      KeyBinding([.function(5)], CatalogCommand.save, "保存草稿", bar: true),
      KeyBinding([.escape], CatalogCommand.cancel, "取消", bar: true),
    ])

  static let materialKeys = KeymapSection(
    "申请材料",
    [
      KeyBinding([.up, .down, .char("j"), .char("k")], CatalogCommand.move, "上下选择"),
      KeyBinding([.function(2), .char("a")], CatalogCommand.add, "新增", bar: true),
      KeyBinding([.enter], CatalogCommand.edit, "修改", bar: true),
      KeyBinding([.delete, .char("x")], CatalogCommand.delete, "删除", bar: true),
      KeyBinding([.char("K")], CatalogCommand.up, "上移"),
      KeyBinding([.char("J")], CatalogCommand.down, "下移"),
      KeyBinding([.escape, .function(3)], CatalogCommand.back, "返回表单", bar: true),
    ])

  public static let keymap = [
    itemKeys, searchKeys, itemDetailKeys, changeKeys, changeDetailKeys, adjustmentKeys,
    adjustmentDetailKeys, editorKeys, materialKeys,
  ]

  /// The change's keys with the bar showing only the steps this operator may take now; the
  /// others still answer, with the reason they are refused.
  func changeDetailBindings(_ id: String) -> KeymapSection {
    guard let change = shownChange, change.id == id else {
      return Self.changeDetailKeys
    }
    let section = Self.changeDetailKeys
    return KeymapSection(
      section.title,
      section.bindings.map { b in
        guard let step = b.command(as: CatalogChangeStep.self) else { return b }
        let allowed = stepRefusals[step] == nil
        return KeyBinding(b.keys, b.command, b.title, bar: allowed, label: b.label)
      })
  }
}
