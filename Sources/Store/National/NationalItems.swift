import Domain

/// 表4 事项管理: the items in use or suspended, and their materials.
enum NationalItems {
  /// `事项编码` (our short code) and `事项状态` are added columns. An item catalogued before the
  /// national elements has them empty (or derived: 事项类型 from our type, 行使层级 from the
  /// implementing organisation's kind, 是否收费 from the fee's words). A list (服务对象, 办理形式)
  /// joins its names with 、 and its codes with |.
  static let itemHeader = [
    "事项名称", "基本编码", "实施编码", "事项编码", "事项类型", "事项类型代码", "设定依据", "行使层级", "行使层级代码",
    "实施主体", "实施主体代码", "实施主体性质", "实施主体性质代码", "法定办结时限", "法定办结时限单位", "承诺办结时限",
    "承诺办结时限单位", "受理条件", "办理流程", "共同实施部门", "中介服务", "数量限制", "结果名称", "是否收费", "收费依据",
    "通办范围代码", "服务对象", "服务对象代码", "办理形式", "办理形式代码", "是否支持预约办理", "是否支持网上支付",
    "是否支持物流快递", "是否网办", "网办地址", "办理地点", "办理时间", "咨询方式", "咨询电话", "监督电话", "常见问题",
    "事项状态", "行政区划",
  ]

  static func items(_ items: [CatalogItem], _ c: NationalExportContext) -> NationalTable {
    var t = NationalTable(header: itemHeader)
    for item in items {
      let n = item.national ?? NationalElements()
      let type = n.matterType(of: item.type)
      let level =
        n.exerciseLevel ?? c.organisations[item.organisation].map { ExerciseLevel($0.kind) }
      let charged = item.national.map(\.charged) ?? charges(item.fee)
      let flag = NationalFormat.flag
      t.append([
        item.name, n.basicCode, n.implementationCode, item.code, type.name, type.code,
        item.legalBasis, level?.name ?? "", level?.code ?? "", c.orgName(item.organisation),
        c.creditCode(item.organisation), n.implementerNature?.name ?? "",
        n.implementerNature?.code ?? "", String(item.legalDays), "工作日", String(item.promisedDays),
        "工作日", item.conditions, item.steps, n.jointDepartments, item.intermediaries,
        n.quantityLimit, item.result, flag(charged), n.feeBasis, n.scope?.code ?? "",
        names(n.serviceTargets), codes(n.serviceTargets), names(n.handlingForms),
        codes(n.handlingForms), flag(n.appointment), flag(n.onlinePayment), flag(n.express),
        flag(item.isFullyOnline), n.onlineAddress, item.place, item.hours, n.consultation,
        item.phone, n.supervisionPhone, n.faq, item.status.title, c.region,
      ])
    }
    return t
  }

  static func names<T: NationalCodeTable>(_ values: [T]) -> String {
    values.map(\.name).joined(separator: "、")
  }

  static func codes<T: NationalCodeTable>(_ values: [T]) -> String {
    values.map(\.code).joined(separator: "|")
  }

  static let materialHeader = [
    "事项编码", "实施编码", "材料名称", "出具机构", "原件份数", "复印件份数", "是否必备材料", "材料使用说明", "行政区划",
  ]

  /// One row per material; 原件份数 and 复印件份数 from our form and count (原件和复印件: both).
  static func materials(_ items: [CatalogItem], _ c: NationalExportContext) -> NationalTable {
    var t = NationalTable(header: materialHeader)
    for item in items {
      for m in item.materials {
        let counts = m.originalsAndCopies
        t.append([
          item.code, item.national?.implementationCode ?? "", m.name, m.issuer ?? "",
          String(counts.originals), String(counts.copies), NationalFormat.flag(m.required), m.note,
          c.region,
        ])
      }
    }
    return t
  }

  /// 是否收费: our catalog words the fee (`不收费`, `工本费10元`); anything but 不收费/免费/无 charges.
  static func charges(_ fee: String) -> Bool {
    let t = fee.trimmingSpacesAndNewlines()
    return !(t.isEmpty || ["不收费", "免费", "无", "免收"].contains(t))
  }
}
