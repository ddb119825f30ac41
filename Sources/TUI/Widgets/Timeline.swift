import Domain

/// 办理过程 — a case's events as lines: when, who, on which node, what.
public enum Timeline {
  /// Each feature's wording for its own event types (`Sources/TUI/Wording`); the first non-nil
  /// answer wins. A payload that does not decode throws: the line says so instead of reading as
  /// a generic step.
  static let describers: [@Sendable (Event) throws -> String?] = [
    FoundationEventWording.describe,
    ApplicationWording.describe,
    RectificationWording.describe,
    CatalogEventWording.describe,
    ComplaintEventWording.describe,
    CaseWorkWording.describe,
  ]

  public static func describe(_ event: Event) -> String {
    for d in describers {
      do {
        if let text = try d(event) { return text }
      } catch {
        return undecodable(event)
      }
    }
    return event.type.rawValue
  }

  /// The line of an event whose payload cannot be read: which event, and that it is damaged.
  static func undecodable(_ event: Event) -> String {
    "事件内容无法解析(\(event.type.rawValue))"
  }

  /// Detail lines, oldest first, with names for logins where known. `withholdingNotes`: the
  /// case's content is not the operator's to read, nor are its notes.
  public static func lines(
    _ events: [Event], names: [String: String], zone: DeploymentZone,
    withholdingNotes: Bool = false
  ) -> [DetailLine] {
    var out: [DetailLine] = [.heading("办理过程")]
    for e in events {
      let who = names[e.actor].map { "\($0)" } ?? e.actor
      // The date is the label (it fits the label column); the time leads the value.
      let (h, m) = zone.clockTime(e.date)
      let time = (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
      let what = (withholdingNotes ? CaseWorkWording.withheld(e) : nil) ?? describe(e)
      out.append(.field(zone.civilDate(e.date).iso, "\(time) \(who)(\(e.node)) \(what)"))
    }
    return out
  }
}

/// Wording for the foundation's own events.
enum FoundationEventWording {
  static func describe(_ e: Event) throws -> String? {
    switch e.type {
    case .orgDefined: return "登记单位"
    case .orgRenamed: return "单位更名"
    case .orgDisabled: return "停用单位"
    case .orgEnabled: return "启用单位"
    case .orgCreditCodeSet: return "登记统一社会信用代码"
    case .staffAdded: return "添加工作人员"
    case .staffRolesChanged: return "调整角色"
    case .staffDisabled: return "停用账号"
    case .staffEnabled: return "启用账号"
    case .calendarYearImported: return "导入节假日安排"
    case .settingChanged: return "修改设置"
    case .peerRegistered: return "登记节点"
    case .conflictResolved:
      return "处理冲突: \(try e.decode(ConflictResolution.self).resolution)"
    default: return nil
    }
  }
}
