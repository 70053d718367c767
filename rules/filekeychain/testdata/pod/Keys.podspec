Pod::Spec.new do |s|
  s.name = 'Keys'
  s.ios.deployment_target = '13.0'
  s.osx.deployment_target = '10.15'
  s.source_files = 'Classes/**/*.{h,m}'
end
