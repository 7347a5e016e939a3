expected = [operationName: 'watermark', className: 'com.acme.WatermarkOperation',
            artifactId: 'acme-watermark', version: '1.0.0-SNAPSHOT']
// basedir: this case's directory; the project is generated under project/<artifactId>.
projectDir = new File(basedir, 'project/acme-watermark')
return evaluate(new File(basedir, '../GeneratedProjectCheck.groovy'))
