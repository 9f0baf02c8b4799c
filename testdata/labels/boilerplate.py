# Removes the General Provisions boilerplate of US orders and memoranda from
# gold directives (issue 9: "boilerplate such as `Nothing in this order shall
# be construed…`" is no directive), by one rule for every split; the files'
# own layout is kept (text-level removal of each object).
import json,glob,re,sys
pat=re.compile(r'(?i)^(\([a-z0-9]+\)\s*)?(nothing in this (order|memorandum|proclamation)\b|this (order|memorandum) (shall|will|is to) be implemented (in a manner )?consistent with applicable law|this (order|memorandum) is not intended to,? and does not,? create any right|(the )?authority granted by law to (an|any) (executive department|agency)|(the )?functions of the Director of the Office of Management and Budget relating to budgetary|limit the rights or protections of an individual under the Rehabilitation Act)')
total=0
def cut(raw, text):
    for key in ['"text": ', '"text":']:
        for enc in [json.dumps(text,ensure_ascii=False), json.dumps(text)]:
            k=raw.find(key+enc)
            if k<0: continue
            a=raw.rfind('{',0,k); b=raw.find('}',k)+1
            # drop the comma and whitespace before the object, or after it when first
            pre=raw[:a].rstrip()
            if pre.endswith(','):
                return pre[:-1]+raw[b:]
            post=raw[b:]
            ps=post.lstrip()
            if ps.startswith(','):
                return raw[:a]+ps[1:].lstrip(' \n')  if False else raw[:a]+post[post.find(',')+1:].lstrip(' \n')
            return pre+post
    raise SystemExit('not found: '+text)
for f in sorted(glob.glob('testdata/labels/**/*.gold.json',recursive=True)):
    raw=open(f).read(); d=json.loads(raw)
    gone=[x['text'] for x in d.get('directives',[]) if pat.search(x['text'].strip())]
    if not gone: continue
    total+=len(gone)
    for t in gone:
        raw=cut(raw,t)
    d2=json.loads(raw)
    assert len(d2['directives'])==len(d['directives'])-len(gone), f
    print(len(gone), f)
    if sys.argv[1:]==['-w']:
        open(f,'w').write(raw)
print("removed", total)
