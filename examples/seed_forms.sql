-- The six seed forms (如皋市人力资源和社会保障局, 2024), entered by hand as SQL.
-- Facts from shared/seeds/000_b2ce942b0860453d.txt; amounts in 万元.
BEGIN;

-- form 1
INSERT INTO perfbudget.project (id, budget_year, name, department, implementing_unit, reporting_unit,
    attribute, level, category, start_month, end_month, manager, phone,
    necessity, feasibility, content, long_term_goal, annual_goal,
    total, fiscal_subtotal, general_budget, spend_half_year, spend_annual)
VALUES (1, 2024, '社保扩面业务经费', '如皋市人力资源和社会保障局', '如皋市社会保险基金管理中心', '如皋市社会保险基金管理中心',
    '常年安排', '市本级', '其他运转类', '2024-01-01', '2024-12-01', '吴建华', '0513-87287616',
    '全面落实市委市政府决策部署,不断提高和改善民生,为奋力开辟我市高质量发展新境界,书写好中国式现代化的如皋答卷。',
    '根据年度人力资源和社会保障工作考核办法文件,将社会保险扩面任务完成情况列入对全市各镇(区、园)年度目标责任制考核,明确扩面具体工作任务和考核办法。',
    '通过政府层面出台相关激励政策,明确扩面具体工作任务和考核办法并成立扩面推进组,对全市各镇(区、园)的扩面工作进行强有力的推进和督查,全力以赴抓好社会保险扩面工作。',
    '维护公民参加社保和享受社保待遇的合法权益,使公民共享发展成果,推进社保扩面,逐步达到全民参保的目的。',
    '确保当年扩面任务圆满完成。',
    9, 9, 9, 9, 9);
INSERT INTO perfbudget.expenditure (project_id, line_no, item, half_year, annual) VALUES
    (1, 1, '社保扩面业务经费', 9, 9);
INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target) VALUES
    (1, 1, '决策指标', '项目立项', '立项依据充分性', perfbudget.perf_target('定性', '充分'), perfbudget.perf_target('定性', '充分')),
    (1, 2, '决策指标', '项目立项', '立项程序规范性', perfbudget.perf_target('定性', '规范'), perfbudget.perf_target('定性', '规范')),
    (1, 3, '决策指标', '绩效目标', '绩效目标合理性', perfbudget.perf_target('定性', '合理'), perfbudget.perf_target('定性', '合理')),
    (1, 4, '决策指标', '绩效目标', '绩效指标明确性', perfbudget.perf_target('定性', '明确'), perfbudget.perf_target('定性', '明确')),
    (1, 5, '决策指标', '资金投入', '预算编制科学性', perfbudget.perf_target('定性', '科学'), perfbudget.perf_target('定性', '科学')),
    (1, 6, '决策指标', '资金投入', '资金分配合理性', perfbudget.perf_target('定性', '合理'), perfbudget.perf_target('定性', '合理')),
    (1, 7, '过程指标', '资金管理', '预算执行率', perfbudget.perf_target('=', '100%'), perfbudget.perf_target('=', '100%')),
    (1, 8, '过程指标', '资金管理', '资金使用合规性', perfbudget.perf_target('定性', '合规'), perfbudget.perf_target('定性', '合规')),
    (1, 9, '过程指标', '组织实施', '制度执行有效性', perfbudget.perf_target('定性', '有效'), perfbudget.perf_target('定性', '有效')),
    (1, 10, '过程指标', '组织实施', '管理制度健全性', perfbudget.perf_target('定性', '健全'), perfbudget.perf_target('定性', '健全')),
    (1, 11, '产出指标', '数量指标', '实际完成率', perfbudget.perf_target('定性', '序时进度'), perfbudget.perf_target('定性', '100%')),
    (1, 12, '产出指标', '质量指标', '质量达标率', perfbudget.perf_target('=', '100%'), perfbudget.perf_target('=', '100%')),
    (1, 13, '产出指标', '时效指标', '完成及时性', perfbudget.perf_target('定性', '及时高效'), perfbudget.perf_target('定性', '及时高效')),
    (1, 14, '效益指标', '社会效益指标', '社会和受益人满意度', perfbudget.perf_target('≥', '95%'), perfbudget.perf_target('≥', '95%')),
    (1, 15, '满意度指标', '满意度指标', '服务对象满意度', perfbudget.perf_target('≥', '95%'), perfbudget.perf_target('≥', '95%'));

-- form 2
INSERT INTO perfbudget.project (id, budget_year, name, department, implementing_unit, reporting_unit,
    attribute, level, category, start_month, end_month, manager, phone,
    necessity, feasibility, content, long_term_goal, annual_goal,
    total, fiscal_subtotal, general_budget, spend_half_year, spend_annual)
VALUES (2, 2024, '“助保贷款”财政贴息', '如皋市人力资源和社会保障局', '如皋市社会保险基金管理中心', '如皋市社会保险基金管理中心',
    '常年安排', '市本级', '其他运转类', '2024-01-01', '2024-12-01', '吴建华', '0513-87287616',
    '为贯彻党的十九大精神,坚持精准扶贫方针,扎实开展社保扶贫工作,切实解决本市生活困难人员缴纳基本养老保险费难的问题,使之顺利接续养老保险关系,享受职工养老保险待遇,促进社会和谐稳定。',
    '“阳光扶贫”助保贷款由财政贴息,为无能力缴纳基本养老保险符合贷款条件的本市户籍人员,以贷款方式缴纳基本养老保险费,在其达到法定退休或养老待遇领取条件按月享受基本养老保险待遇后,用其基本养老金偿还贷款的惠民政策。',
    '助保贷款对象在达到养老待遇领取条件前(宽限期),贷款利息由财政给予补贴。助保贷款对象达到养老待遇领取条件后(偿还期),财政不再贴息。宽限期财政贴息资金由市财政局每年预付一次,年末由市财政局对当年贴息资金进行审核清算。',
    '切实解决本市生活困难人员缴纳基本养老保险费难的问题,使之顺利接续养老保险关系,享受职工养老保险待遇,促进社会和谐稳定。',
    '切实解决本市生活困难人员缴纳基本养老保险费难的问题,享受职工养老保险待遇,促进社会和谐稳定。',
    1, 1, 1, 0, 1);
INSERT INTO perfbudget.expenditure (project_id, line_no, item, half_year, annual) VALUES
    (2, 1, '“助保贷款”财政贴息', 0, 1);
INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target) VALUES
    (2, 1, '决策指标', '项目立项', '立项依据充分性', perfbudget.perf_target('定性', '充分'), perfbudget.perf_target('定性', '充分')),
    (2, 2, '决策指标', '项目立项', '立项程序规范性', perfbudget.perf_target('定性', '规范'), perfbudget.perf_target('定性', '规范')),
    (2, 3, '决策指标', '绩效目标', '绩效目标合理性', perfbudget.perf_target('定性', '合理'), perfbudget.perf_target('定性', '合理')),
    (2, 4, '决策指标', '绩效目标', '绩效指标明确性', perfbudget.perf_target('定性', '明确'), perfbudget.perf_target('定性', '明确')),
    (2, 5, '决策指标', '资金投入', '预算编制科学性', perfbudget.perf_target('定性', '科学'), perfbudget.perf_target('定性', '科学')),
    (2, 6, '决策指标', '资金投入', '资金分配合理性', perfbudget.perf_target('定性', '合理'), perfbudget.perf_target('定性', '合理')),
    (2, 7, '过程指标', '资金管理', '预算执行率', perfbudget.perf_target('=', '100%'), perfbudget.perf_target('=', '100%')),
    (2, 8, '过程指标', '资金管理', '资金使用合规性', perfbudget.perf_target('定性', '合规'), perfbudget.perf_target('定性', '合规')),
    (2, 9, '过程指标', '组织实施', '制度执行有效性', perfbudget.perf_target('定性', '有效'), perfbudget.perf_target('定性', '有效')),
    (2, 10, '过程指标', '组织实施', '管理制度健全性', perfbudget.perf_target('定性', '健全'), perfbudget.perf_target('定性', '健全')),
    (2, 11, '产出指标', '数量指标', '实际完成率', perfbudget.perf_target('定性', '序时进度'), perfbudget.perf_target('定性', '100%')),
    (2, 12, '产出指标', '质量指标', '质量达标率', perfbudget.perf_target('=', '100%'), perfbudget.perf_target('=', '100%')),
    (2, 13, '产出指标', '成本指标', '是否超出预算', perfbudget.perf_target('定性', '否'), perfbudget.perf_target('定性', '否')),
    (2, 14, '产出指标', '时效指标', '完成及时性', perfbudget.perf_target('定性', '及时高效'), perfbudget.perf_target('定性', '及时高效')),
    (2, 15, '效益指标', '社会效益指标', '社会和受益人满意度', perfbudget.perf_target('定性', '解决困难人员缴纳基本养老保险费难的问题'), perfbudget.perf_target('定性', '解决困难人员缴纳基本养老保险费难的问题')),
    (2, 16, '满意度指标', '满意度指标', '服务对象满意度', perfbudget.perf_target('≥', '95%'), perfbudget.perf_target('≥', '95%'));

-- form 3
INSERT INTO perfbudget.project (id, budget_year, name, department, implementing_unit, reporting_unit,
    attribute, level, category, start_month, end_month, manager, phone,
    necessity, feasibility, content, long_term_goal, annual_goal,
    total, fiscal_subtotal, general_budget, spend_half_year, spend_annual)
VALUES (3, 2024, '《社会保险手册》印刷费', '如皋市人力资源和社会保障局', '如皋市社会保险基金管理中心', '如皋市社会保险基金管理中心',
    '常年安排', '市本级', '其他运转类', '2024-01-01', '2024-12-01', '吴建华', '0513-87287616',
    '确保社保业务的正常开展。',
    '劳动部关于使用《职工养老保险手册》的通知(劳办险字【1992】15号)。',
    '参保职工的《职工养老保险手册》不可向参保职工收取工本费,所需印刷费用由财政支付。',
    '确保社保业务的正常开展。',
    '确保社保业务的正常开展。',
    5, 5, 5, 1, 5);
INSERT INTO perfbudget.expenditure (project_id, line_no, item, half_year, annual) VALUES
    (3, 1, '《社会保险手册》印刷费', 1, 5);
INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target) VALUES
    (3, 1, '决策指标', '项目立项', '立项依据充分性', perfbudget.perf_target('定性', '充分'), perfbudget.perf_target('定性', '充分')),
    (3, 2, '决策指标', '项目立项', '立项程序规范性', perfbudget.perf_target('定性', '规范'), perfbudget.perf_target('定性', '规范')),
    (3, 3, '决策指标', '绩效目标', '绩效目标合理性', perfbudget.perf_target('定性', '合理'), perfbudget.perf_target('定性', '合理')),
    (3, 4, '决策指标', '绩效目标', '绩效指标明确性', perfbudget.perf_target('定性', '明确'), perfbudget.perf_target('定性', '明确')),
    (3, 5, '决策指标', '资金投入', '预算编制科学性', perfbudget.perf_target('定性', '科学'), perfbudget.perf_target('定性', '科学')),
    (3, 6, '决策指标', '资金投入', '资金分配合理性', perfbudget.perf_target('定性', '合理'), perfbudget.perf_target('定性', '合理')),
    (3, 7, '过程指标', '资金管理', '预算执行率', perfbudget.perf_target('=', '100%'), perfbudget.perf_target('=', '100%')),
    (3, 8, '过程指标', '资金管理', '资金使用合规性', perfbudget.perf_target('定性', '合规'), perfbudget.perf_target('定性', '合规')),
    (3, 9, '过程指标', '组织实施', '制度执行有效性', perfbudget.perf_target('定性', '有效'), perfbudget.perf_target('定性', '有效')),
    (3, 10, '过程指标', '组织实施', '管理制度健全性', perfbudget.perf_target('定性', '健全'), perfbudget.perf_target('定性', '健全')),
    (3, 11, '产出指标', '数量指标', '实际完成率', perfbudget.perf_target('定性', '序时进度'), perfbudget.perf_target('定性', '100%')),
    (3, 12, '产出指标', '质量指标', '质量达标率', perfbudget.perf_target('=', '100%'), perfbudget.perf_target('=', '100%')),
    (3, 13, '产出指标', '时效指标', '完成及时性', perfbudget.perf_target('定性', '及时高效'), perfbudget.perf_target('定性', '及时高效')),
    (3, 14, '效益指标', '社会效益指标', '社会和受益人满意度', perfbudget.perf_target('≥', '95%'), perfbudget.perf_target('≥', '95%')),
    (3, 15, '满意度指标', '满意度指标', '服务对象满意度', perfbudget.perf_target('≥', '95%'), perfbudget.perf_target('≥', '95%'));

-- form 4
INSERT INTO perfbudget.project (id, budget_year, name, department, implementing_unit, reporting_unit,
    attribute, level, category, start_month, end_month, manager, phone,
    necessity, feasibility, content, long_term_goal, annual_goal,
    total, fiscal_subtotal, general_budget, spend_half_year, spend_annual)
VALUES (4, 2024, '社保业务运营经费', '如皋市人力资源和社会保障局', '如皋市社会保险基金管理中心', '如皋市社会保险基金管理中心',
    '常年安排', '市本级', '其他运转类', '2024-01-01', '2024-12-01', '吴建华', '0513-87287616',
    '维护职工参加社保和享受社保待遇的合法权益,使其共享发展成果,做好社会公共服务工作,保证社保业务工作有序开展。',
    '根据《中华人民共和国社会保险法》、《江苏省社会保险费征缴条例》,社会保险的宣传、培训、个人权益单的打印及邮寄等社保业务的基本运行成本及辅助社保业务经办人员的各项费用保障。',
    '办公费:做好宣传服务工作,确保参保人员及时办理社保业务。劳务费:保证社保业务的正常开展,服务于广大参保人员和参保单位。委托业务费:全年印制社保宣传手册和录制社保宣传片等费用。其他商品和服务支出:提高用人单位社保业务经办能力和水平,强化社会保险业务管理,全市社保专管员每年业务培训等费用。办公设备购置费:为更加方便快捷服务于参保企业,进一步提高工作效率,围绕全城同办,权限下放,服务前移至基层乡镇,配备电脑及办公耗材等费用。',
    '维护职工参加社保和享受社保待遇的合法权益，使其共享发展成果，做好社会公共服务工作，保证社保业务工作有序开展。',
    '保证社保业务的正常开展，服务于广大参保人员和参保单位。',
    155, 155, 155, 66, 155);
INSERT INTO perfbudget.expenditure (project_id, line_no, item, half_year, annual) VALUES
    (4, 1, '办公费', 30, 60.8),
    (4, 2, '劳务费', 30, 60.2),
    (4, 3, '委托业务费', 3, 19),
    (4, 4, '其他商品和服务支出', 2, 10),
    (4, 5, '办公设备购置', 1, 5);
INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target) VALUES
    (4, 1, '决策指标', '项目立项', '立项依据充分性', perfbudget.perf_target('定性', '充分'), perfbudget.perf_target('定性', '充分')),
    (4, 2, '决策指标', '项目立项', '立项程序规范性', perfbudget.perf_target('定性', '规范'), perfbudget.perf_target('定性', '规范')),
    (4, 3, '决策指标', '绩效目标', '绩效目标合理性', perfbudget.perf_target('定性', '合理'), perfbudget.perf_target('定性', '合理')),
    (4, 4, '决策指标', '绩效目标', '绩效指标明确性', perfbudget.perf_target('定性', '明确'), perfbudget.perf_target('定性', '明确')),
    (4, 5, '决策指标', '资金投入', '预算编制科学性', perfbudget.perf_target('定性', '科学'), perfbudget.perf_target('定性', '科学')),
    (4, 6, '决策指标', '资金投入', '资金分配合理性', perfbudget.perf_target('定性', '合理'), perfbudget.perf_target('定性', '合理')),
    (4, 7, '过程指标', '资金管理', '预算执行率', perfbudget.perf_target('=', '100%'), perfbudget.perf_target('=', '100%')),
    (4, 8, '过程指标', '资金管理', '资金使用合规性', perfbudget.perf_target('定性', '合规'), perfbudget.perf_target('定性', '合规')),
    (4, 9, '过程指标', '组织实施', '制度执行有效性', perfbudget.perf_target('定性', '有效'), perfbudget.perf_target('定性', '有效')),
    (4, 10, '过程指标', '组织实施', '管理制度健全性', perfbudget.perf_target('定性', '健全'), perfbudget.perf_target('定性', '健全')),
    (4, 11, '产出指标', '数量指标', '实际完成率', perfbudget.perf_target('定性', '序时进度'), perfbudget.perf_target('定性', '100%')),
    (4, 12, '产出指标', '质量指标', '社保当日业务当日办结率', perfbudget.perf_target('=', '100%'), perfbudget.perf_target('=', '100%')),
    (4, 13, '产出指标', '时效指标', '完成及时性', perfbudget.perf_target('定性', '及时高效'), perfbudget.perf_target('定性', '及时高效')),
    (4, 14, '效益指标', '社会效益指标', '社会和受益人满意度', perfbudget.perf_target('≥', '95%'), perfbudget.perf_target('≥', '95%')),
    (4, 15, '满意度指标', '满意度指标', '服务对象满意度', perfbudget.perf_target('≥', '95%'), perfbudget.perf_target('≥', '95%'));

-- form 5
INSERT INTO perfbudget.project (id, budget_year, name, department, implementing_unit, reporting_unit,
    attribute, level, category, start_month, end_month, manager, phone,
    necessity, feasibility, content, long_term_goal, annual_goal,
    total, fiscal_subtotal, general_budget, spend_half_year, spend_annual)
VALUES (5, 2024, '打印纸及个人账户打印纸', '如皋市人力资源和社会保障局', '如皋市社会保险基金管理中心', '如皋市社会保险基金管理中心',
    '常年安排', '市本级', '其他运转类', '2024-01-01', '2024-12-01', '吴建华', '0513-87287616',
    '让参保人员及时了解参保情况和及时办理社保业务。',
    '社会保险经办机构负责社会保险个人权益记录管理,提供与社会保障个人权益记录相关的服务。',
    '(1)打印参保人员的个人权益记录单专用打印纸;(2)退休人员及社保转移人员历史缴费情况表专用打印纸。',
    '维护职工参加社保和享受社保待遇的合法权益,使其共享发展成果,促进社会和谐。',
    '为维护参保人员的合法权益,规范社会保险个人权益记录管理。',
    6, 6, 6, 1, 6);
INSERT INTO perfbudget.expenditure (project_id, line_no, item, half_year, annual) VALUES
    (5, 1, '印刷费', 1, 6);
INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target) VALUES
    (5, 1, '决策指标', '项目立项', '立项依据充分性', perfbudget.perf_target('定性', '充分'), perfbudget.perf_target('定性', '充分')),
    (5, 2, '决策指标', '项目立项', '立项程序规范性', perfbudget.perf_target('定性', '规范'), perfbudget.perf_target('定性', '规范')),
    (5, 3, '决策指标', '绩效目标', '绩效目标合理性', perfbudget.perf_target('定性', '合理'), perfbudget.perf_target('定性', '合理')),
    (5, 4, '决策指标', '绩效目标', '绩效指标明确性', perfbudget.perf_target('定性', '明确'), perfbudget.perf_target('定性', '明确')),
    (5, 5, '决策指标', '资金投入', '预算编制科学性', perfbudget.perf_target('定性', '科学'), perfbudget.perf_target('定性', '科学')),
    (5, 6, '决策指标', '资金投入', '资金分配合理性', perfbudget.perf_target('定性', '合理'), perfbudget.perf_target('定性', '合理')),
    (5, 7, '过程指标', '资金管理', '预算执行率', perfbudget.perf_target('=', '100%'), perfbudget.perf_target('=', '100%')),
    (5, 8, '过程指标', '资金管理', '资金使用合规性', perfbudget.perf_target('定性', '合规'), perfbudget.perf_target('定性', '合规')),
    (5, 9, '过程指标', '组织实施', '制度执行有效性', perfbudget.perf_target('定性', '有效'), perfbudget.perf_target('定性', '有效')),
    (5, 10, '过程指标', '组织实施', '管理制度健全性', perfbudget.perf_target('定性', '健全'), perfbudget.perf_target('定性', '健全')),
    (5, 11, '产出指标', '数量指标', '实际完成率', perfbudget.perf_target('定性', '序时进度'), perfbudget.perf_target('定性', '100%')),
    (5, 12, '产出指标', '质量指标', '质量达标率', perfbudget.perf_target('=', '100%'), perfbudget.perf_target('=', '100%')),
    (5, 13, '产出指标', '时效指标', '完成及时性', perfbudget.perf_target('定性', '及时高效'), perfbudget.perf_target('定性', '及时高效')),
    (5, 14, '效益指标', '社会效益指标', '社会和受益人满意度', perfbudget.perf_target('≥', '95%'), perfbudget.perf_target('≥', '95%')),
    (5, 15, '满意度指标', '满意度指标', '服务对象满意度', perfbudget.perf_target('≥', '95%'), perfbudget.perf_target('≥', '95%'));

-- form 6
INSERT INTO perfbudget.project (id, budget_year, name, department, implementing_unit, reporting_unit,
    attribute, level, category, start_month, end_month, manager, phone,
    necessity, feasibility, content, long_term_goal, annual_goal,
    total, fiscal_subtotal, general_budget, spend_half_year, spend_annual)
VALUES (6, 2024, '居保转企保参保补助', '如皋市人力资源和社会保障局', '如皋市社会保险基金管理中心', '如皋市社会保险基金管理中心',
    '常年安排', '市本级', '特定目标类', '2024-01-01', '2024-12-01', '吴建华', '0513-87287616',
    '为进一步完善全市社会保障体系,提升社会保障水平,加快推动城镇化建设进程,南通市委市政府提出,用五年时间(2021-2025)将南通市范围内 29.2 万城乡居民基本养老保险缴费群体转为企业职工基本养老保险缴费,并将此任务纳入高质量发展考核体系。',
    '市政府关于推进我市城乡居民基本养老保险转企业职工基本养老保险工作的实施意见(皋政发【2022】10 号)',
    '对 2020 年年底属于我市城乡居民基本养老保险的参保缴费人员,2021 年 1 月至 2025 年 12 月期间,首次以灵活就业人员身份参加企业职工基本养老保险当年缴费累计满 6 个月的,给予 1000 元新增缴费补助;次年缴费累计满 6 个月的,再给予 1000 元续保补助。',
    '让经济社会发展成果惠及广大城乡居民,为实现共同富裕提供坚实的社会保障基础。',
    '全面完成上级交给的目标任务，统一思想、强化举措、狠抓落实，做好“居转企”工作，推动全市社会保障水平不断提升。',
    975, 975, 975, 975, 975);
INSERT INTO perfbudget.expenditure (project_id, line_no, item, half_year, annual) VALUES
    (6, 1, '居保转企保参保补助', 975, 975);
INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target) VALUES
    (6, 1, '决策指标', '项目立项', '立项依据充分性', perfbudget.perf_target('定性', '充分'), perfbudget.perf_target('定性', '充分')),
    (6, 2, '决策指标', '项目立项', '立项程序规范性', perfbudget.perf_target('定性', '规范'), perfbudget.perf_target('定性', '规范')),
    (6, 3, '决策指标', '绩效目标', '绩效目标合理性', perfbudget.perf_target('定性', '合理'), perfbudget.perf_target('定性', '合理')),
    (6, 4, '决策指标', '绩效目标', '绩效指标明确性', perfbudget.perf_target('定性', '明确'), perfbudget.perf_target('定性', '明确')),
    (6, 5, '决策指标', '资金投入', '预算编制科学性', perfbudget.perf_target('定性', '科学'), perfbudget.perf_target('定性', '科学')),
    (6, 6, '决策指标', '资金投入', '资金分配合理性', perfbudget.perf_target('定性', '合理'), perfbudget.perf_target('定性', '合理')),
    (6, 7, '过程指标', '资金管理', '预算执行率', perfbudget.perf_target('=', '100%'), perfbudget.perf_target('=', '100%')),
    (6, 8, '过程指标', '资金管理', '资金使用合规性', perfbudget.perf_target('定性', '合规'), perfbudget.perf_target('定性', '合规')),
    (6, 9, '过程指标', '组织实施', '制度执行有效性', perfbudget.perf_target('定性', '有效'), perfbudget.perf_target('定性', '有效')),
    (6, 10, '过程指标', '组织实施', '管理制度健全性', perfbudget.perf_target('定性', '健全'), perfbudget.perf_target('定性', '健全')),
    (6, 11, '产出指标', '数量指标', '参保补助条件符合率', perfbudget.perf_target('=', '100%'), perfbudget.perf_target('=', '100%')),
    (6, 12, '产出指标', '质量指标', '质量达标率', perfbudget.perf_target('=', '100%'), perfbudget.perf_target('=', '100%')),
    (6, 13, '产出指标', '成本指标', '是否超出预算', perfbudget.perf_target('定性', '否'), perfbudget.perf_target('定性', '否')),
    (6, 14, '产出指标', '时效指标', '完成及时性', perfbudget.perf_target('定性', '及时高效'), perfbudget.perf_target('定性', '及时高效')),
    (6, 15, '效益指标', '社会效益指标', '社会和受益人满意度', perfbudget.perf_target('≥', '95%'), perfbudget.perf_target('≥', '95%')),
    (6, 16, '满意度指标', '满意度指标', '服务对象满意度', perfbudget.perf_target('≥', '95%'), perfbudget.perf_target('≥', '95%'));
SELECT setval(pg_get_serial_sequence('perfbudget.project', 'id'), 6);
COMMIT;
