import json, sys, types, os, re, subprocess
sys.path.insert(0, '/tmp/pyn')
captured = []
class Stub:
    @staticmethod
    def serviceOAUTH(body, environment):
        captured.append(('token', 'POST', '/v1.0/access-token/b2b', json.dumps(body)))
    @staticmethod
    def serviceTransaction(bodyAccessToken, body, endpoint, environment, httpMethod="POST"):
        captured.append((None, httpMethod, endpoint, json.dumps(body)))
ss = types.ModuleType('python_nicepay.service.snapService')
ss.SnapService = Stub
sys.modules['python_nicepay.service.snapService'] = ss
for mod in ['python_nicepay.util.utilLogging']:
    m = types.ModuleType(mod)
    class Log:
        def __getattr__(self, n):
            return lambda *a, **k: None
    m.Log = Log
    sys.modules[mod] = m
fixed = {
 'testDirectDebit.py': '20250807095315', 'testDirectDebitInquiry.py': '20250807095315',
 'testDirectDebitRefund.py': '20250812171542', 'testQris.py': '20250527112725',
 'testPayout.py': '20241114015744',
}
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
index = []
base = '/tmp/pyn/python_nicepay/test/snap/'
for name in sorted(os.listdir(base)):
    if not name.startswith('test'): continue
    src = open(base + name).read()
    ts = fixed.get(name, '20250101000000')
    src = re.sub(r'timestamp = datetime\.now\(\)\.strftime\("%Y%m%d%H%M%S"\)', 'timestamp = "%s"' % ts, src)
    captured.clear()
    exec(compile(src, name, 'exec'), {'__name__': 'sample'})
    for kind, method, endpoint, body in captured:
        stem = name[len('test'):-3] + ('-token' if kind == 'token' and name != 'testAccessToken.py' else '')
        if kind == 'token' and name != 'testAccessToken.py':
            continue
        open(os.path.join(out, stem + '.json'), 'w').write(body)
        index.append('%s\t%s\t%s' % (stem, method, endpoint))
open(os.path.join(out, 'index.tsv'), 'w').write('\n'.join(index) + '\n')
