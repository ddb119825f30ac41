import XCTest

@testable import Domain

/// The wire format of every event the four case machines write, as `main` wrote it before the
/// machines took one shape: journals are hash-chained and synced between versions, so a payload
/// that encodes differently (a renamed key, a new default) would break them. Each golden payload
/// is decoded the way the fold decodes it and encoded again the way `decide` encodes it; the
/// bytes must not move. Taken from the demo and benchmark databases of that build (and, for the
/// types those do not write, encoded by it).
final class EventWireFormatTests: XCTestCase {
  static let goldens: [(type: String, stream: String, payload: String)] = [
    ("application.accepted", "application/BYQ-2026-000056", #"{"notice":"BYQ受〔2026〕2号"}"#),
    ("application.clockResumed", "application/BYQ-2026-000010", #"{"text":"评审结束"}"#),
    (
      "application.clockStopped", "application/BYQ-2026-000057",
      #"{"days":10,"kind":"expertReview","notice":"BYQ特〔2026〕1号","reason":"组织专家对经营场所和专职人员资质进行评审"}"#
    ),
    (
      "application.concluded", "application/BYQ-2026-000054",
      #"{"certificateName":"营业执照","certificateNumber":"92620402MA7K2L3M45","delivery":"counter","feeFen":0,"notice":"BYQ结〔2026〕1号","trackingNumber":""}"#
    ),
    ("application.decided", "application/BYQ-2026-000054", #"{"decision":"approved","reason":""}"#),
    (
      "application.deemedAccepted", "application/BYQ-2026-000060", #"{"limitEndedOn":"2026-12-01"}"#
    ),
    (
      "application.materialsChecked", "application/BYQ-2026-000010",
      #"{"materials":["received","exempt","missing","defective"]}"#
    ),
    (
      "application.notAccepted", "application/BYQ-2026-000055",
      #"{"notice":"BYQ不受〔2026〕1号","reason":"申请人户籍不在王岘镇,不属于本集体经济组织成员,不符合农村宅基地申请条件"}"#
    ),
    ("application.preReviewPassed", "application/BYQ-2026-000010", #"{"text":"材料齐全"}"#),
    (
      "application.rated", "application/BYQ-2026-000010",
      #"{"comment":"办事太慢","level":"不满意","ratingID":"BYQPJ-2026-000061","realName":true,"rectificationID":"BYQ-2026-000062"}"#
    ),
    (
      "application.rated#plain", "application/BYQ-2026-000011",
      #"{"comment":"","level":"满意","realName":false}"#
    ),
    (
      "application.registered", "application/BYQ-2026-000056",
      #"{"applicant":{"idNumber":"91620402MA7X1Y2236","kind":"organisation","name":"白银区金穗餐饮有限公司","phone":"0943-8221234"},"channel":"counter","item":{"code":"SCJG-XK-001","fee":"不收费","fullyOnline":true,"legalDays":20,"materials":[{"copies":1,"form":"原件","name":"食品经营许可申请书","note":"","required":true,"shareable":false},{"copies":1,"form":"复印件","name":"营业执照","note":"通过市场主体登记信息共享获取","required":true,"shareable":true},{"copies":1,"form":"原件","name":"与食品经营相适应的主要设备设施布局、操作流程等文件","note":"","required":true,"shareable":false},{"copies":1,"form":"复印件","name":"法定代表人(负责人)身份证明","note":"","required":true,"shareable":true}],"name":"食品经营许可","organisation":"SCJG","organisationName":"区市场监督管理局","promisedDays":7,"result":"食品经营许可证","type":"licensing","version":2},"materials":["received","exempt","received","exempt"],"note":"","preReviewDays":5,"registeredOrg":"ZWZX"}"#
    ),
    ("application.reviewStarted", "application/BYQ-2026-000056", #"{"text":""}"#),
    (
      "application.supplementRequested", "application/BYQ-2026-000058",
      #"{"items":[{"index":3,"note":"请提交复印件1份,可到区疾控中心办理","status":"missing"}],"notice":"BYQ补〔2026〕1号","other":"补齐后请携带本告知书到综合窗口"}"#
    ),
    (
      "application.supplemented", "application/BYQ-2026-000010",
      #"{"materials":["received","received"]}"#
    ),
    ("application.withdrawn", "application/BYQ-2026-000010", #"{"text":"申请人书面撤回"}"#),
    (
      "catalog.versionEffective", "catalog/CLJ-GG-001",
      #"{"changeID":"BYQ-2026-000010","item":{"code":"CLJ-GG-001","conditions":"符合残疾标准的本区户籍居民","fee":"不收费","hours":"工作日 8:30-12:00, 14:30-18:00(法定节假日除外)","intermediaries":"残疾评定(区残联指定医疗机构,按规定免费)","isFullyOnline":false,"legalBasis":"《中华人民共和国残疾人证管理办法》第七条至第九条","legalDays":20,"materials":[{"copies":1,"form":"original","name":"申请人居民身份证","note":"现场核验,可通过电子证照共享获取","required":true,"shared":true},{"copies":1,"form":"originalAndCopy","name":"居民户口簿","note":"可通过户籍信息共享核验","required":true,"shared":true},{"copies":3,"form":"original","name":"近期2寸免冠白底彩色照片","note":"","required":true,"shared":false},{"copies":1,"form":"original","name":"残疾评定表","note":"由区残联指定医疗机构评定后出具","required":true,"shared":false}],"name":"残疾人证申领","organisation":"CLJ","phone":"0943-8221401","place":"白银区政务服务中心二楼 残联窗口(B区8号)","promisedDays":15,"result":"中华人民共和国残疾人证","status":"active","steps":"申请、指定医疗机构残疾评定、区残联审核、公示、制证发证","type":"publicService","version":1},"kind":"open","urgent":false}"#
    ),
    (
      "catalogChange.batchRecorded", "catalogchange/BYQ-2026-000061",
      #"{"items":[{"itemCode":"CLJ-GG-001","kind":"open","proposed":{"code":"CLJ-GG-001","conditions":"符合残疾标准的本区户籍居民","fee":"不收费","hours":"工作日 8:30-12:00, 14:30-18:00(法定节假日除外)","intermediaries":"残疾评定(区残联指定医疗机构,按规定免费)","isFullyOnline":false,"legalBasis":"《中华人民共和国残疾人证管理办法》第七条至第九条","legalDays":20,"materials":[{"copies":1,"form":"original","name":"申请人居民身份证","note":"现场核验,可通过电子证照共享获取","required":true,"shared":true},{"copies":1,"form":"originalAndCopy","name":"居民户口簿","note":"可通过户籍信息共享核验","required":true,"shared":true},{"copies":3,"form":"original","name":"近期2寸免冠白底彩色照片","note":"","required":true,"shared":false},{"copies":1,"form":"original","name":"残疾评定表","note":"由区残联指定医疗机构评定后出具","required":true,"shared":false}],"name":"残疾人证申领","organisation":"CLJ","phone":"0943-8221401","place":"白银区政务服务中心二楼 残联窗口(B区8号)","promisedDays":15,"result":"中华人民共和国残疾人证","status":"active","steps":"申请、指定医疗机构残疾评定、区残联审核、公示、制证发证","type":"publicService","version":0}}],"reason":"导入事项库文件 catalog.json","source":"catalog.json"}"#
    ),
    ("catalogChange.approved", "catalogchange/BYQ-2026-000048", #"{"note":"同意,与清单一致"}"#),
    (
      "catalogChange.drafted", "catalogchange/BYQ-2026-000048",
      #"{"baseVersion":1,"itemCode":"SCJG-XK-001","kind":"modify","proposed":{"code":"SCJG-XK-001","conditions":"具有与经营的食品品种、数量相适应的经营场所;有相应的设备设施;有专职或兼职的食品安全管理人员和保证食品安全的规章制度;有合理的设备布局和工艺流程","fee":"不收费","hours":"工作日 8:30-12:00, 14:30-18:00(法定节假日除外)","intermediaries":"无","isFullyOnline":true,"legalBasis":"《中华人民共和国食品安全法》第三十五条;《食品经营许可和备案管理办法》第二条","legalDays":20,"materials":[{"copies":1,"form":"original","name":"食品经营许可申请书","note":"","required":true,"shared":false},{"copies":1,"form":"copy","name":"营业执照","note":"通过市场主体登记信息共享获取","required":true,"shared":true},{"copies":1,"form":"original","name":"与食品经营相适应的主要设备设施布局、操作流程等文件","note":"","required":true,"shared":false},{"copies":1,"form":"copy","name":"法定代表人(负责人)身份证明","note":"","required":true,"shared":true}],"name":"食品经营许可","organisation":"SCJG","phone":"0943-8221102","place":"白银区政务服务中心一楼 市场监管窗口(A区3-5号)","promisedDays":7,"result":"食品经营许可证","status":"active","steps":"申请、受理、审查(必要时现场核查)、决定、制证送达","type":"licensing","version":0},"reason":"按甘政办发〔2026〕88号压缩承诺时限至7个工作日,管理制度改为告知承诺","urgent":false}"#
    ),
    (
      "catalogChange.edited", "catalogchange/BYQ-2026-000048",
      #"{"baseVersion":1,"itemCode":"SCJG-XK-001","kind":"modify","proposed":{"code":"SCJG-XK-001","conditions":"具有与经营的食品品种、数量相适应的经营场所;有相应的设备设施;有专职或兼职的食品安全管理人员和保证食品安全的规章制度;有合理的设备布局和工艺流程","fee":"不收费","hours":"工作日 8:30-12:00, 14:30-18:00(法定节假日除外)","intermediaries":"无","isFullyOnline":true,"legalBasis":"《中华人民共和国食品安全法》第三十五条;《食品经营许可和备案管理办法》第二条","legalDays":20,"materials":[{"copies":1,"form":"original","name":"食品经营许可申请书","note":"","required":true,"shared":false},{"copies":1,"form":"copy","name":"营业执照","note":"通过市场主体登记信息共享获取","required":true,"shared":true},{"copies":1,"form":"original","name":"与食品经营相适应的主要设备设施布局、操作流程等文件","note":"","required":true,"shared":false},{"copies":1,"form":"copy","name":"法定代表人(负责人)身份证明","note":"","required":true,"shared":true}],"name":"食品经营许可","organisation":"SCJG","phone":"0943-8221102","place":"白银区政务服务中心一楼 市场监管窗口(A区3-5号)","promisedDays":7,"result":"食品经营许可证","status":"active","steps":"申请、受理、审查(必要时现场核查)、决定、制证送达","type":"licensing","version":0},"reason":"按甘政办发〔2026〕88号压缩承诺时限至7个工作日,管理制度改为告知承诺","urgent":false}"#
    ),
    ("catalogChange.filed", "catalogChange/BYQ-2026-000040", #"{"note":"已报备区政务服务管理办公室"}"#),
    (
      "catalogChange.imported", "catalogchange/BYQ-2026-000010",
      #"{"proposal":{"itemCode":"CLJ-GG-001","kind":"open","proposed":{"code":"CLJ-GG-001","conditions":"符合残疾标准的本区户籍居民","fee":"不收费","hours":"工作日 8:30-12:00, 14:30-18:00(法定节假日除外)","intermediaries":"残疾评定(区残联指定医疗机构,按规定免费)","isFullyOnline":false,"legalBasis":"《中华人民共和国残疾人证管理办法》第七条至第九条","legalDays":20,"materials":[{"copies":1,"form":"original","name":"申请人居民身份证","note":"现场核验,可通过电子证照共享获取","required":true,"shared":true},{"copies":1,"form":"originalAndCopy","name":"居民户口簿","note":"可通过户籍信息共享核验","required":true,"shared":true},{"copies":3,"form":"original","name":"近期2寸免冠白底彩色照片","note":"","required":true,"shared":false},{"copies":1,"form":"original","name":"残疾评定表","note":"由区残联指定医疗机构评定后出具","required":true,"shared":false}],"name":"残疾人证申领","organisation":"CLJ","phone":"0943-8221401","place":"白银区政务服务中心二楼 残联窗口(B区8号)","promisedDays":15,"result":"中华人民共和国残疾人证","status":"active","steps":"申请、指定医疗机构残疾评定、区残联审核、公示、制证发证","type":"publicService","version":0},"reason":"首次导入事项库文件 catalog.json(新区事项库为空)","urgent":false},"source":"catalog.json","version":1}"#
    ),
    ("catalogChange.returned", "catalogChange/BYQ-2026-000040", #"{"note":"材料清单不全"}"#),
    ("catalogChange.submitted", "catalogchange/BYQ-2026-000048", #"{}"#),
    (
      "catalogChange.tested", "catalogchange/BYQ-2026-000048",
      #"{"note":"省平台申报、受理流程测试通过","passed":true,"version":2}"#
    ),
    (
      "catalogChange.tested#failed", "catalogChange/BYQ-2026-000040",
      #"{"note":"受理流程报错","passed":false}"#
    ),
    ("catalogChange.urgentEffective", "catalogchange/BYQ-2026-000050", #"{"version":2}"#),
    ("catalogChange.withdrawn", "catalogChange/BYQ-2026-000040", #"{"note":"不再需要"}"#),
    (
      "complaint.calledBack", "complaint/BYQ-2026-000064",
      #"{"method":"phone","notes":"咨询人表示已收到答复并完成申领,满意。","satisfaction":"satisfied"}"#
    ),
    (
      "complaint.calledBack#unsatisfied", "complaint/BYQ-2026-000001",
      #"{"method":"sms","notes":"仍有异味","reopenDays":10,"satisfaction":"unsatisfied"}"#
    ),
    (
      "complaint.concluded", "complaint/BYQ-2026-000064",
      #"{"kind":"resolved","text":"已电话答复申领条件、标准及甘肃人社APP申领入口,投诉人已完成线上申领。"}"#
    ),
    (
      "complaint.concluded#viaPrimary", "complaint/BYQ-2026-000084",
      #"{"kind":"resolved","org":"WXZ","orgName":"王岘镇","text":"已清运","viaPrimary":"BYQ-2026-000082"}"#
    ),
    ("complaint.contentViewed", "complaint/BYQ-2026-000079", #"{}"#),
    (
      "complaint.dispatched", "complaint/BYQ-2026-000063",
      #"{"org":"SCJG","orgName":"区市场监督管理局","returnWindowDays":1}"#
    ),
    (
      "complaint.extensionDecided", "complaint/BYQ-2026-000001", #"{"approved":true,"note":"同意延期"}"#
    ),
    (
      "complaint.extensionRequested", "complaint/BYQ-2026-000073",
      #"{"days":5,"reason":"需协调区残联复核申请人残疾等级证明,预计需5个工作日。"}"#
    ),
    ("complaint.mergeAccepted", "complaint/BYQ-2026-000082", #"{"other":"BYQ-2026-000084"}"#),
    ("complaint.mergeReleased", "complaint/BYQ-2026-000082", #"{"other":"BYQ-2026-000084"}"#),
    (
      "complaint.merged", "complaint/BYQ-2026-000084",
      #"{"org":"WXZ","orgName":"王岘镇","other":"BYQ-2026-000082"}"#
    ),
    (
      "complaint.registered", "complaint/BYQ-2026-000063",
      #"{"channel":"hotline","complainant":"周红","concernedOrg":"SCJG","concernedOrgName":"区市场监督管理局","confidentiality":"none","contact":"13809431201","content":"10月8日在某餐馆就餐后全家四人出现腹泻症状,请求市场监管部门检查该餐馆后厨卫生。","handledByRegistrant":false,"limitDays":5,"registeringOrg":"ZWZX","registeringOrgName":"区政务服务中心","subject":"某餐馆后厨卫生状况差,就餐后出现腹泻","type":"complaint","urgency":"fairlyUrgent"}"#
    ),
    (
      "complaint.rejected", "complaint/BYQ-2026-000077",
      #"{"note":"投诉人已就同一事项申请行政复议,按第三十一条(七)不予受理,已告知其通过行政复议程序解决。","reason":"otherProcedure"}"#
    ),
    (
      "complaint.returned", "complaint/BYQ-2026-000080",
      #"{"text":"农机购置补贴资金由区农业农村局审核发放,不属本镇职责,建议转区农业农村局办理。"}"#
    ),
    ("complaint.split", "complaint/BYQ-2026-000084", #"{"other":"BYQ-2026-000082"}"#),
    (
      "listAdjustment.itemSettled", "listadj/BYQ-2026-000047",
      #"{"changeID":"BYQ-2026-000048","code":"SCJG-XK-001"}"#
    ),
    ("rating.invalidated", "rating/BYQPJ-2026-000027", #"{"rectificationID":"BYQ-2026-000003"}"#),
    (
      "rectification.calledBack", "rectification/BYQ-2026-000001",
      #"{"method":"phone","record":"已领到社保卡,希望以后提前告知进度","response":"basicallySatisfied"}"#
    ),
    (
      "rectification.classified", "rectification/BYQ-2026-000003",
      #"{"note":"需协调两个科室","track":"complex"}"#
    ),
    (
      "rectification.closedWithoutCallback", "rectification/BYQ-2026-000003",
      #"{"reason":"匿名评价,无法回访"}"#
    ),
    (
      "rectification.extended", "rectification/BYQ-2026-000003",
      #"{"newDue":"2026-12-10","reason":"需更换设备","toldVia":"phone"}"#
    ),
    (
      "rectification.feedback", "rectification/BYQ-2026-000001",
      #"{"measures":"当日协调银行加急制卡并电话通知领取;窗口增加制卡进度短信提醒"}"#
    ),
    (
      "rectification.opened", "rectification/BYQ-2026-000001",
      #"{"rating":{"channel":"窗口","comment":"制卡进度说三天,一周了还没拿到","itemCode":"RS-SB-001","itemName":"社会保障卡申领","level":2,"organisation":"RSJ","ratedOn":"2026-11-03","realName":true,"reviewerName":"刘桂芳","reviewerPhone":"13709431288"},"ratingID":"BYQPJ-2026-000015"}"#
    ),
    (
      "rectification.reviewed", "rectification/BYQ-2026-000003",
      #"{"approved":true,"opinion":"申请记录和通话录音可以证明评价对象错误,同意认定为无效差评"}"#
    ),
    (
      "rectification.verified", "rectification/BYQ-2026-000001",
      #"{"contact":"phone","findings":"电话联系刘桂芳,属实:制卡银行网点延迟回传,窗口未主动告知进度","track":"immediate"}"#
    ),
    (
      "rectification.verified#track", "rectification/BYQ-2026-000003",
      #"{"contact":"phone","findings":"情况属实","track":"immediate"}"#
    ),
  ]

  func testEveryCaseEventEncodesAsMainDid() throws {
    var types = Set<String>()
    for g in Self.goldens {
      let type = EventType(rawValue: String(g.type.prefix { $0 != "#" }))
      types.insert(type.rawValue)
      let event = Event(
        origin: "o", seq: 1, stream: g.stream, type: type, payload: g.payload, actor: "a",
        node: "n",
        timestamp: 0, prevHash: "", hash: "")
      let again = try XCTUnwrap(try reencoded(event), g.type)
      XCTAssertEqual(again.type, type, g.type)
      XCTAssertEqual(again.payload, g.payload, g.type)
    }
    // Every type the four machines write is here (a new one needs its golden).
    for type in Self.caseTypes { XCTAssertTrue(types.contains(type.rawValue), type.rawValue) }
  }

  static let caseTypes: [EventType] = [
    .complaintRegistered, .complaintRejected, .complaintDispatched, .complaintReturned,
    .complaintMerged, .complaintMergeAccepted, .complaintSplit, .complaintMergeReleased,
    .complaintExtensionRequested, .complaintExtensionDecided, .complaintConcluded,
    .complaintCalledBack, .complaintContentViewed, .applicationRegistered,
    .applicationMaterialsChecked, .applicationPreReviewPassed, .applicationAccepted,
    .applicationDeemedAccepted, .applicationSupplementRequested, .applicationSupplemented,
    .applicationNotAccepted, .applicationReviewStarted, .applicationClockStopped,
    .applicationClockResumed, .applicationDecided, .applicationConcluded, .applicationWithdrawn,
    .applicationRated, .rectificationOpened, .rectificationVerified, .rectificationReviewed,
    .rectificationClassified, .rectificationExtended, .rectificationFeedback,
    .rectificationCalledBack, .rectificationClosedWithoutCallback, .ratingInvalidated,
    .catalogChangeDrafted, .catalogChangeEdited, .catalogChangeSubmitted, .catalogChangeApproved,
    .catalogChangeReturned, .catalogChangeTested, .catalogChangeUrgentEffective,
    .catalogChangeFiled, .catalogChangeWithdrawn, .catalogChangeImported,
    .catalogChangeBatchRecorded, .catalogVersionEffective, .listAdjustmentItemSettled,
  ]

  /// The event as the machines would write it again from what the fold decoded.
  func reencoded(_ e: Event) throws -> (type: EventType, payload: String)? {
    let (kind, id) = splitStream(e.stream)
    switch kind {
    case "complaint":
      return ComplaintChange.decode(e).map {
        ($0.draft(stream: e.stream).type, $0.draft(stream: e.stream).payload)
      }
    case "application":
      return try ApplicationChange.decode(e).map {
        let d = $0.draft(caseID: String(id))
        return (d.type, d.payload)
      }
    default:
      guard let encode = Self.bodies[e.type] else { return nil }
      return (e.type, try encode(e))
    }
  }

  static func body<T: Codable>(_: T.Type) -> @Sendable (Event) throws -> String {
    { CanonicalJSON.encode(try $0.decode(T.self)) }
  }

  static let bodies: [EventType: @Sendable (Event) throws -> String] = [
    .rectificationOpened: body(RectificationOpened.self),
    .rectificationVerified: body(RectificationVerified.self),
    .rectificationReviewed: body(RectificationReviewed.self),
    .rectificationClassified: body(RectificationClassified.self),
    .rectificationExtended: body(RectificationExtended.self),
    .rectificationFeedback: body(RectificationFeedback.self),
    .rectificationCalledBack: body(RectificationCalledBack.self),
    .rectificationClosedWithoutCallback: body(RectificationClosedWithoutCallback.self),
    .ratingInvalidated: body(RatingRectificationLink.self),
    .catalogChangeDrafted: body(ChangeProposal.self),
    .catalogChangeEdited: body(ChangeProposal.self),
    .catalogChangeSubmitted: body(NoPayload.self),
    .catalogChangeApproved: body(ChangeNote.self),
    .catalogChangeReturned: body(ChangeNote.self),
    .catalogChangeTested: body(ChangeTestResult.self),
    .catalogChangeUrgentEffective: body(ChangeVersion.self),
    .catalogChangeFiled: body(ChangeNote.self),
    .catalogChangeWithdrawn: body(ChangeNote.self),
    .catalogChangeImported: body(ChangeImported.self),
    .catalogChangeBatchRecorded: body(ChangeBatch.self),
    .catalogVersionEffective: body(CatalogVersionEffective.self),
    .listAdjustmentItemSettled: body(ListAdjustmentSettlement.self),
  ]
}
