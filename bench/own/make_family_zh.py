#!/usr/bin/env python3
"""Writes own-family-zh-v1.json: a fifth held-out set (Chinese family notes, with a correction step, which
make_sets.py has no form for). Written after the first four, before any change was measured on it; never tuned on."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
def seed(c, age=None, t="semantic"):
    d={"content":c,"memory_type":t}
    if age is not None: d["age_days"]=age
    return d
def ask(q,k,exp,exc=()):
    return {"query":q,"top_k":k,"expected_contents":list(exp),"excluded_contents":list(exc)}
S=[]
def sc(n,title,tags,diff,seeds,asserts,steps=()):
    S.append({"scenario_id":f"OWN-FAMILY-ZH-V1-{n:03d}","title":title,"description":title,"domain":"family","difficulty":diff,
              "horizon":"medium","tags":list(tags),"seed_memories":seeds,"steps":list(steps),"assertions":asserts})
sc(1,"孩子的老师和联系方式",["trust"],"L2",[
  seed("小雨今年上三年级，班主任是周老师。"),
  seed("周老师的手机号是 139 0000 1234，晚上八点以后不要打。"),
  seed("小雨的钢琴老师姓韩，每周六上午上课。"),
  seed("韩老师的琴房在文化宫二楼。"),
  seed("小雨的同桌叫乐乐，住在隔壁单元。"),
  seed("小区物业电话是 8866 1020。")],
  [ask("小雨班主任的电话是多少？",2,["139 0000 1234"],["8866 1020"]),
   ask("钢琴课在哪里上？",2,["文化宫二楼"],["隔壁单元"])])
sc(2,"看病：医生和医院",["trust"],"L3",[
  seed("妈妈的高血压一直在市第一医院看，主治医生是刘医生。"),
  seed("刘医生只在周二和周四上午出门诊。"),
  seed("爸爸的牙在社区口腔诊所看，医生姓陈。"),
  seed("陈医生说爸爸下个月要补两颗牙。"),
  seed("市第一医院的停车场周末很难停车。"),
  seed("家里的医保卡放在书房抽屉里。")],
  [ask("妈妈复诊应该哪天去？",2,["周二和周四"],["补两颗牙"]),
   ask("爸爸看牙的医生怎么说？",2,["补两颗牙"],["高血压"])])
sc(3,"搬家后的新地址",["drift"],"L2",[
  seed("我们家住在海淀区清河路 12 号院。",age=400),
  seed("上个月搬家了，新家在朝阳区望京西路 8 号院 3 号楼。",age=25),
  seed("快递一般放在楼下的丰巢柜。",age=20),
  seed("奶奶还住在海淀的老房子里。",age=300)],
  [ask("我们家现在住在哪里？",1,["望京西路"],["清河路"]),
   ask("快递放在哪？",2,["丰巢柜"],[])])
sc(4,"宠物和兽医",["trust"],"L3",[
  seed("家里的猫叫团子，是一只三岁的英短。"),
  seed("团子每年十月在宠物医院打疫苗，医院在小区北门对面。"),
  seed("团子只吃鸡肉味的猫粮，对鱼过敏。"),
  seed("邻居家的狗叫旺财，经常在楼道里叫。"),
  seed("楼下超市周三会员日猫砂打八折。")],
  [ask("团子对什么过敏？",1,["对鱼过敏"],["旺财"]),
   ask("团子什么时候打疫苗，在哪里？",2,["十月"],["会员日"])])
sc(5,"家庭财务：账单和还款",["conflict"],"L3",[
  seed("房贷每月 15 号自动从招商银行卡扣款，每月 8200 元。"),
  seed("信用卡账单日是每月 3 号，还款日是 23 号。"),
  seed("水电燃气费绑定在支付宝上自动缴。"),
  seed("车险明年三月到期，去年是在平安买的。"),
  seed("小雨的兴趣班学费每学期 4800 元，用微信付款。")],
  [ask("房贷什么时候扣款？",1,["15 号"],["23 号"]),
   ask("信用卡哪天要还款？",1,["23 号"],["15 号"]),
   ask("车险什么时候到期？",2,["明年三月"],["水电燃气"])])
sc(6,"改口：周末安排变了",["drift"],"L2",[
  seed("这周六全家去爷爷家吃饭。",age=5),
  seed("周日上午小雨有游泳课。",age=5),
  seed("下周三是结婚纪念日，订了餐厅。",age=5)],
  [ask("这周六有什么安排？",1,["露营"],["爷爷家吃饭"])],
  steps=[{"action":"correct","query":"这周六全家去爷爷家吃饭","content":"计划变了：这周六改成全家去郊外露营，爷爷家改到下周。","reason":"plan changed"}])
sc(7,"亲戚关系链",["trust"],"L4",[
  seed("舅舅叫李建国，在深圳做外贸。"),
  seed("李建国的女儿叫李思思，今年考上了浙江大学。"),
  seed("李思思学的是计算机专业。"),
  seed("姑姑住在成都，开了一家火锅店。"),
  seed("姑姑的儿子在成都读高中。"),
  seed("表哥王磊在上海的银行工作。")],
  [ask("舅舅的女儿考上了哪所大学？",2,["浙江大学"],["火锅店"]),
   ask("李思思学什么专业？",1,["计算机"],["银行"])])
sc(8,"家电保修和维修",["trust"],"L3",[
  seed("冰箱是 2022 年买的海尔，保修三年。"),
  seed("洗衣机上周开始漏水，约了售后周五上门。"),
  seed("空调去年夏天清洗过一次，师傅姓赵。"),
  seed("赵师傅的电话是 186 1111 2222。"),
  seed("热水器的说明书放在厨房柜子里。"),
  seed("电视的遥控器换了新电池。")],
  [ask("空调清洗找谁？电话多少？",2,["186 1111 2222"],["遥控器"]),
   ask("洗衣机怎么了？",1,["漏水"],["海尔"])])
d={"dataset_id":"own-family-zh-v1","version":"1","description":"A family assistant's notes in Chinese: relatives, doctors, bills, pets, moves and plan changes; several answers sit one named entity away from the question.","scenarios":S}
json.dump(d,open(os.path.join(HERE, 'own-family-zh-v1.json'), 'w', encoding='utf-8'),ensure_ascii=False,indent=1)
