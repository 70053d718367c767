Pod::Spec.new do |s|
  s.name = 'Vault'
  s.ios.deployment_target = '13.0'
  s.source_files = 'Classes/**/*.{h,m}'
end
