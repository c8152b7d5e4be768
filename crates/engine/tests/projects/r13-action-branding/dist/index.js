console.log('draft');
