import Foundation
import XCTest

@testable import Domain

/// A complete, valid guide to start each catalog test from.
func sampleItem(code: String = "SCJG-DJ-001", promised: Int = 1, legal: Int = 3) -> CatalogItem {
  CatalogItem(
    code: code, name: "个体工商户设立登记", type: .licensing, organisation: "SCJG",
    legalBasis: "《促进个体工商户发展条例》第八条", conditions: "有经营能力的公民",
    materials: [
      Material(name: "个体工商户登记(备案)申请书"),
      Material(name: "经营者居民身份证", shared: true),
    ], steps: "申请、受理、审查、决定", legalDays: legal, promisedDays: promised, result: "营业执照",
    place: "区政务服务中心一楼", hours: "工作日 8:30-12:00", phone: "0943-8221101")
}

let catalogOrgs: Set<String> = ["SCJG", "ZWZX", "MZJ", "WXZ"]
/// The service centre: its catalog managers change every item (`CatalogOwnership`).
let catalogCentre: Set<String> = ["ZWZX"]

let zhaolei = Staff(login: "zhaolei", name: "赵磊", org: "ZWZX", roles: [.catalog])
let sunli = Staff(login: "sunli", name: "孙丽", org: "SCJG", roles: [.catalog, .handler])
let chenjing = Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])

/// A little journal for one change and its item: decide, turn the decision into events with the
/// actor and a clock, fold both streams the way the store does.
struct CatalogLedger {
  var changeEvents: [Event] = []
  var itemEvents: [Event] = []
  var clock: Int64 = 1_795_000_000_000
  let id = "BYQ-2026-000001"
  let context = FoldContext(calendar: .weekdaysOnly())

  var change: CatalogChange? { CatalogChangeMachine.fold(changeEvents, context).state }
  var history: CatalogItemHistory? { CatalogItemReducer.fold(itemEvents, context).state }

  func decisionContext(pending: String? = nil) -> CatalogDecisionContext {
    var ctx = CatalogDecisionContext(
      history: history, organisations: catalogOrgs, pendingChange: pending)
    ctx.centre = catalogCentre
    return ctx
  }

  func event(_ stream: String, _ type: EventType, _ payload: String, _ actor: String) -> Event {
    Event(
      origin: "BYQ.1", seq: Int64(changeEvents.count + itemEvents.count + 1), stream: stream,
      type: type, payload: payload, actor: actor, node: "BYQ", timestamp: clock, prevHash: "",
      hash: "")
  }

  /// Seeds the item's history with a version in effect (as an import would).
  mutating func establish(_ item: CatalogItem) {
    var v = item.content
    v.version = (history?.current?.version ?? 0) + 1
    let body = CatalogVersionEffective(
      item: v, changeID: "BYQ-2026-000000", kind: .open, urgent: false)
    itemEvents.append(
      event("catalog/\(item.code)", .catalogVersionEffective, CanonicalJSON.encode(body), "zhaolei")
    )
  }

  /// Runs a command; on success records its events and returns nil, else the refusal.
  @discardableResult
  mutating func run(_ command: CatalogChangeCommand, by actor: Staff) -> Refusal? {
    switch CatalogChangeMachine.decision(change, command, actor: actor, decisionContext()) {
    case .failure(let r): return r
    case .success(let d):
      clock += 60_000
      for (type, payload) in d.events {
        changeEvents.append(event("catalogchange/\(id)", type, payload, actor.login))
      }
      if let e = d.effective {
        itemEvents.append(
          event(
            "catalog/\(e.item.code)", .catalogVersionEffective, CanonicalJSON.encode(e),
            actor.login))
      }
      return nil
    }
  }
}
