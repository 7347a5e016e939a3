expected = [operationName: 'duo-tone', className: 'com.acme.imaging.DuoToneOperation',
            artifactId: 'acme-duo-tone', version: '0.3.0']
// basedir: this case's directory; the project is generated under project/<artifactId>.
projectDir = new File(basedir, 'project/acme-duo-tone')
return evaluate(new File(basedir, '../GeneratedProjectCheck.groovy'))
