import Domain
import Store

/// The panes of the workstation, in the order of the left list: 受理登记, 投诉建议, 差评整改, 事项库,
/// 督办, 工作日历, 同步, 审计 for supervisors and admins, and 系统管理 for admins. A pane appears here only when it is real.
public enum PaneRegistry {
  public static func panes(store: Store, context: AppContext) -> [any Pane] {
    var panes: [any Pane] = []
    panes.append(ApplicationsPane(service: StoreApplicationService(store: store)))
    panes.append(ComplaintsPane(service: store))
    panes.append(RectificationPane(service: store, context: context))
    panes.append(CatalogPane(service: store))
    panes.append(SupervisionPane(service: store))
    panes.append(CalendarPane(today: context.today))
    panes.append(SyncPane(service: StoreSyncService(store: store)))
    if context.staff.has(.supervisor) || context.staff.has(.admin) {
      panes.append(AuditPane(service: store))
    }
    if context.staff.has(.admin) {
      panes.append(AdminPane(service: StoreAdminService(store: store)))
    }
    return panes
  }

  /// Every pane's keymap, for `zwfw keys` and the README.
  public static var keymaps: [(pane: String, sections: [KeymapSection])] {
    [
      ("受理登记", ApplicationsPane.keymap), ("投诉建议", ComplaintsPane.keymap),
      ("差评整改", RectificationPane.keymap), ("事项库", CatalogPane.keymap),
      ("督办", SupervisionPane.keymap), ("工作日历", CalendarPane.keymap),
      ("同步", SyncPane.keymap), ("审计", AuditPane.keymap), ("系统管理", AdminPane.keymap),
    ]
  }
}

/// The README's key list, printed from the same tables that drive key handling.
public enum KeyReference {
  public static func markdown() -> String {
    var lines = ["| 窗格 | 按键 | 作用 |", "| --- | --- | --- |"]
    for b in GlobalKeys.section.bindings {
      lines.append("| 全局 | \(b.keyLabel) | \(b.title) |")
    }
    for b in FindOverlay.keymap.bindings {
      lines.append("| 全局 / 查找 | \(b.keyLabel) | \(b.title) |")
    }
    for b in PhraseOverlay.keymap.bindings {
      lines.append("| 全局 / 常用语 | \(b.keyLabel) | \(b.title) |")
    }
    for (pane, sections) in PaneRegistry.keymaps {
      for s in sections {
        let where_ = s.title == pane ? pane : "\(pane) / \(s.title)"
        for b in s.bindings { lines.append("| \(where_) | \(b.keyLabel) | \(b.title) |") }
      }
    }
    return lines.joined(separator: "\n")
  }
}
