// Generation failed for the right reason and left nothing behind.
def log = new File(basedir, 'build.log').text
if (!log.contains('Bad_Name') || !log.contains('[a-z][a-z0-9-]*')) {
    throw new AssertionError('the failure does not name the bad value and the rule:\n' + log)
}
if (new File(basedir, 'acme-bad-name').exists()) {
    throw new AssertionError('a project was generated for an invalid name')
}
return true
